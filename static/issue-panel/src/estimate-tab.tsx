import Button from '@atlaskit/button/new';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { useState, type ReactElement } from 'react';
import type { TShirtSize } from '../../../src/shared/contract/common';
import type { PlanningOperationDto, PlanningViewDto } from '../../../src/shared/contract/planning';
import { estimateText, when } from '../../shared/planning-format';
import { SaveFeedback, type SaveState } from './save-state';
import type { Outcome } from './use-planning';

const SIZES: TShirtSize[] = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const CONFIDENCE = ['1 - no confidence', '2 - low', '3 - moderate', '4 - high', '5 - full confidence'];

function Reconciliation({ view }: { view: PlanningViewDto }): ReactElement | null {
  const r = view.reconciliation;
  if (!r) return null;
  const d = view.decomposition;
  const basis = `${d.estimatedStoryCount} of ${d.storyCount} stories estimated`;
  if (r.flagged) {
    return (
      <SectionMessage appearance="warning" title="Top-down and bottom-up estimates diverge" testId="divergence">
        <Text>
          The stories add up to {r.bottomUpPoints} points, {r.divergencePct}% {r.position} the estimated {r.range.low}-{r.range.high} points ({basis}).
          Revisit the estimate or the decomposition before planning.
        </Text>
      </SectionMessage>
    );
  }
  return (
    <Text color="color.text.subtle" testId="reconciliation">
      Bottom-up: {r.bottomUpPoints} points ({basis}){r.position === 'within' ? ', within the estimate.' : `, ${r.divergencePct}% ${r.position} the estimate${r.partial ? ' while refinement goes on' : ''}.`}
    </Text>
  );
}

export function EstimateTab({ view, apply }: { view: PlanningViewDto; apply: (op: PlanningOperationDto) => Promise<Outcome> }): ReactElement {
  const current = view.record.estimate;
  const [kind, setKind] = useState<'tshirt' | 'points'>(current?.value.kind ?? 'tshirt');
  const [size, setSize] = useState<TShirtSize>(current?.value.kind === 'tshirt' ? current.value.size : 'M');
  const [low, setLow] = useState(current?.value.kind === 'points' ? String(current.value.low) : '');
  const [high, setHigh] = useState(current?.value.kind === 'points' ? String(current.value.high) : '');
  const [confidence, setConfidence] = useState(current?.confidence ?? 3);
  const [assumptions, setAssumptions] = useState(current?.assumptions ?? '');
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const overAssumptions = assumptions.length > view.limits.assumptionsChars;
  const pointsProblem =
    kind === 'points' && (low.trim() === '' || high.trim() === '' || Number.isNaN(Number(low)) || Number.isNaN(Number(high)))
      ? 'Enter both ends of the range as numbers.'
      : kind === 'points' && Number(low) > Number(high)
        ? 'The low end is above the high end.'
        : null;

  const run = async (op: PlanningOperationDto): Promise<void> => {
    setState({ kind: 'saving' });
    const outcome = await apply(op);
    setState(outcome.ok ? { kind: 'saved', warnings: outcome.warnings } : { kind: 'failed', error: outcome.error });
  };
  const save = (): Promise<void> =>
    run({
      type: 'estimate.set',
      value: kind === 'tshirt' ? { kind, size } : { kind, low: Number(low), high: Number(high) },
      confidence,
      assumptions,
    });

  const sizeOptions = SIZES.map((s) => ({ value: s, label: `${s} (${view.tshirtScale[s].low}-${view.tshirtScale[s].high} points)` }));
  const confidenceOptions = CONFIDENCE.map((label, i) => ({ value: i + 1, label }));

  return (
    <Stack space="space.200" testId="estimate-tab">
      <Stack space="space.075">
        <Heading size="xsmall" as="h3">
          Current estimate
        </Heading>
        {current ? (
          <Text testId="current-estimate">
            {estimateText(current.value, view.tshirtScale)}, confidence {current.confidence}/5, by {current.by.displayName} ({when(current.at)})
          </Text>
        ) : (
          <Text color="color.text.subtlest" testId="current-estimate">
            Not estimated yet.
          </Text>
        )}
        <Reconciliation view={view} />
      </Stack>
      {view.canEdit ? (
        <Stack space="space.150">
          <Inline space="space.100">
            <Button isSelected={kind === 'tshirt'} onClick={() => setKind('tshirt')} testId="estimate-kind-tshirt">
              T-shirt size
            </Button>
            <Button isSelected={kind === 'points'} onClick={() => setKind('points')} testId="estimate-kind-points">
              Points range
            </Button>
          </Inline>
          {kind === 'tshirt' ? (
            <Box style={{ maxWidth: 280 }}>
              <Label htmlFor="estimate-size">Size</Label>
              <Select inputId="estimate-size" testId="estimate-size" options={sizeOptions} value={sizeOptions.find((o) => o.value === size)} onChange={(o) => o && setSize(o.value)} />
            </Box>
          ) : (
            <Stack space="space.050">
              <Inline space="space.100">
                <Box>
                  <Label htmlFor="estimate-low">Low (points)</Label>
                  <Textfield id="estimate-low" testId="estimate-low" type="number" min={0} value={low} onChange={(e) => setLow(e.currentTarget.value)} />
                </Box>
                <Box>
                  <Label htmlFor="estimate-high">High (points)</Label>
                  <Textfield id="estimate-high" testId="estimate-high" type="number" min={0} value={high} onChange={(e) => setHigh(e.currentTarget.value)} />
                </Box>
              </Inline>
              {pointsProblem ? <ErrorMessage>{pointsProblem}</ErrorMessage> : null}
            </Stack>
          )}
          <Box style={{ maxWidth: 280 }}>
            <Label htmlFor="estimate-confidence">Confidence (fist of five)</Label>
            <Select
              inputId="estimate-confidence"
              testId="estimate-confidence"
              options={confidenceOptions}
              value={confidenceOptions.find((o) => o.value === confidence)}
              onChange={(o) => o && setConfidence(o.value)}
            />
          </Box>
          <Stack space="space.050">
            <Label htmlFor="estimate-assumptions">Assumptions</Label>
            <TextArea id="estimate-assumptions" testId="estimate-assumptions" value={assumptions} isInvalid={overAssumptions} minimumRows={2} onChange={(e) => setAssumptions(e.target.value)} />
            {overAssumptions ? (
              <ErrorMessage>
                {assumptions.length.toLocaleString('en')} / {view.limits.assumptionsChars.toLocaleString('en')} characters: shorten by {(assumptions.length - view.limits.assumptionsChars).toLocaleString('en')}
              </ErrorMessage>
            ) : (
              <HelperMessage>
                {assumptions.length.toLocaleString('en')} / {view.limits.assumptionsChars.toLocaleString('en')} characters
              </HelperMessage>
            )}
          </Stack>
          <Inline space="space.100">
            <Button appearance="primary" onClick={() => void save()} isDisabled={state.kind === 'saving' || overAssumptions || pointsProblem !== null} testId="estimate-save">
              {state.kind === 'saving' ? 'Saving…' : 'Save estimate'}
            </Button>
            {current ? (
              <Button appearance="subtle" onClick={() => void run({ type: 'estimate.clear' })} testId="estimate-clear">
                Clear
              </Button>
            ) : null}
          </Inline>
          <SaveFeedback state={state} testId="estimate" />
        </Stack>
      ) : null}
    </Stack>
  );
}
