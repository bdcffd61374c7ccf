import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import type { ReactElement } from 'react';
import type { ConfirmOptions } from './confirm-dialog';

/** The modal itself, in its own chunk: it weighs about as much as the rest of the panel's controls together. */
export default function ConfirmModal({ options, answer }: { options: ConfirmOptions; answer: (value: boolean) => void }): ReactElement {
  return (
    <Modal onClose={() => answer(false)} testId={options.testId} width="small">
      <ModalHeader>
        <ModalTitle appearance="warning">{options.title}</ModalTitle>
      </ModalHeader>
      <ModalBody>{options.body}</ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={() => answer(false)} testId={`${options.testId}-cancel`}>
          {options.cancelLabel}
        </Button>
        <Button appearance="warning" onClick={() => answer(true)} testId={`${options.testId}-confirm`}>
          {options.confirmLabel}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
