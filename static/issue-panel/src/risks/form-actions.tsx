import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import type { SaveAction } from '../../../shared/use-save-action';

/** The save and cancel buttons under a risk form; saving is off while a save is under way. */
export function FormActions({ save, label, onSave, onCancel, testId }: { save: SaveAction; label: string; onSave: () => void; onCancel: () => void; testId: string }): ReactElement {
  return (
    <Inline space="space.100">
      <Button appearance="primary" onClick={onSave} isDisabled={save.busy} testId={`${testId}-save`}>
        {save.state.kind === 'saving' ? 'Saving…' : label}
      </Button>
      <Button appearance="subtle" onClick={onCancel} isDisabled={save.busy} testId={`${testId}-cancel`}>
        Cancel
      </Button>
    </Inline>
  );
}
