import Button from '@atlaskit/button/new';
import { ErrorMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useState, type ReactElement } from 'react';
import type { PlanningOperationDto, PlanningViewDto } from '../../../src/shared/contract/planning';
import { checkLinkUrl } from '../../../src/shared/rules/link-url';
import { SaveFeedback } from '../../shared/save-feedback';
import { useUnsavedChanges } from '../../shared/unsaved-changes';
import { useSaveAction } from '../../shared/use-save-action';
import type { Apply } from './use-planning';

/** Where a link goes, shown beside its title so a reader knows before clicking. */
const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** The spec's design documents: a list of titled links, and for editors a form to add one. */
export function DesignLinks({ view, apply, confirmReopen }: { view: PlanningViewDto; apply: Apply; confirmReopen: () => Promise<boolean> }): ReactElement {
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  // The server's rule, shown once the user leaves the field or tries to add: not while they are typing "htt".
  const [urlTouched, setUrlTouched] = useState(false);
  const urlCheck = checkLinkUrl(url, view.limits.linkUrlChars);
  const urlProblem = urlTouched && url.trim() !== '' && !urlCheck.ok ? urlCheck.message : null;
  const save = useSaveAction();
  // A link typed but not added is work too.
  useUnsavedChanges(title.trim() !== '' || url.trim() !== '');
  const change = async (op: PlanningOperationDto): Promise<boolean> => (await confirmReopen()) && save.run(() => apply(op));
  const add = async (): Promise<void> => {
    setUrlTouched(true);
    if (!urlCheck.ok) return;
    if (await change({ type: 'spec.addLink', title, url })) {
      setTitle('');
      setUrl('');
      setUrlTouched(false);
    }
  };
  const { links } = view.record.spec;
  return (
    <Stack space="space.100" testId="design-links">
      <Heading size="xsmall" as="h3">
        Design documents
      </Heading>
      {links.length === 0 ? <Text color="color.text.subtlest">Architecture diagrams, ADRs or API drafts this spec relies on.</Text> : null}
      {links.length > 0 ? (
        <ul style={{ margin: 0, paddingInlineStart: token('space.250') }} data-testid="design-links-list">
          {links.map((link) => (
            <li key={link.id}>
              <Inline space="space.100" alignBlock="center">
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.title}
                </a>
                <Text size="small" color="color.text.subtlest">
                  {hostOf(link.url)}
                </Text>
                {view.canEdit ? (
                  <Button appearance="subtle" spacing="compact" isDisabled={save.busy} onClick={() => void change({ type: 'spec.removeLink', linkId: link.id })}>
                    Remove
                  </Button>
                ) : null}
              </Inline>
            </li>
          ))}
        </ul>
      ) : null}
      {view.canEdit ? (
        <Inline space="space.100" alignBlock="end">
          <Box>
            <Label htmlFor="link-title">Title</Label>
            <Textfield id="link-title" testId="link-title" value={title} maxLength={view.limits.linkTitleChars} onChange={(e) => setTitle(e.currentTarget.value)} />
          </Box>
          <Box>
            <Label htmlFor="link-url">URL</Label>
            <Textfield
              id="link-url"
              testId="link-url"
              value={url}
              placeholder="https://"
              maxLength={view.limits.linkUrlChars}
              isInvalid={urlProblem !== null}
              onBlur={() => setUrlTouched(true)}
              onChange={(e) => setUrl(e.currentTarget.value)}
            />
          </Box>
          <Button onClick={() => void add()} isDisabled={!title.trim() || !url.trim() || urlProblem !== null || save.busy} testId="link-add">
            Add link
          </Button>
        </Inline>
      ) : null}
      {urlProblem ? <ErrorMessage testId="link-url-error">{urlProblem}</ErrorMessage> : null}
      <SaveFeedback state={save.state} testId="design-links" />
    </Stack>
  );
}
