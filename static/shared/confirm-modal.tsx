import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import { useEffect, type ReactElement } from 'react';
import type { ConfirmOptions } from './confirm-dialog';

/** The modal itself, in its own chunk: it weighs about as much as the rest of the panel's controls together. */
/**
 * The app's iframe is as tall as its content and the Jira page scrolls it, so a fixed modal would sit at
 * the iframe's top, possibly out of sight (and the page cannot be scrolled from inside the iframe). The
 * dialog moves down to the control that asked, which the user is looking at.
 */
function moveToAnchor(dialog: HTMLElement, anchorTop: number): void {
  const box = dialog.getBoundingClientRect();
  const shift = Math.max(0, anchorTop - box.top - box.height / 2);
  // `translate`, not `transform`: the modal's opening animation owns `transform`.
  dialog.style.translate = `0 ${Math.round(shift)}px`;
}

export default function ConfirmModal({ options, anchorTop, answer }: { options: ConfirmOptions; anchorTop: number; answer: (value: boolean) => void }): ReactElement {
  // Before the first paint of the opening animation, so the dialog does not jump once it has appeared.
  // The modal mounts through a portal that may appear a frame or more after this effect (once its chunk is
  // loaded it no longer waits for Suspense): look for it frame by frame, for at most half a second.
  useEffect(() => {
    let frame = 0;
    let tries = 0;
    const place = (): void => {
      const dialog = document.querySelector<HTMLElement>(`[role="dialog"][data-testid="${options.testId}"]`);
      if (dialog) moveToAnchor(dialog, anchorTop);
      else if (tries++ < 30) frame = requestAnimationFrame(place);
    };
    frame = requestAnimationFrame(place);
    return () => cancelAnimationFrame(frame);
  }, [options.testId, anchorTop]);
  return (
    <ModalTransition>
      <Modal
      onClose={() => answer(false)}
      testId={options.testId}
      width="small"
    >
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
    </ModalTransition>
  );
}
