import { lazy, Suspense, useCallback, useRef, useState, type ReactElement, type ReactNode } from 'react';

const ConfirmModal = lazy(() => import('./confirm-modal'));

export interface ConfirmOptions {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  testId: string;
}

/**
 * An Atlaskit modal that asks before a step the user may not expect. `ask` answers true when the user
 * confirms and false when they cancel or close it; render `dialog` where the component renders.
 */
export function useConfirmDialog(): { ask: (options: ConfirmOptions) => Promise<boolean>; dialog: ReactElement | null } {
  const [open, setOpen] = useState<{ options: ConfirmOptions; anchorTop: number } | null>(null);
  const settle = useRef<(answer: boolean) => void>(() => undefined);

  const ask = useCallback(
    (options: ConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        settle.current = resolve;
        // Where the user is: the control that asked (a clicked button keeps the focus).
        setOpen({ options, anchorTop: document.activeElement?.getBoundingClientRect().top ?? 0 });
      }),
    [],
  );
  const answer = useCallback((value: boolean): void => {
    setOpen(null);
    settle.current(value);
  }, []);

  const dialog = open ? (
    <Suspense fallback={null}>
      <ConfirmModal options={open.options} anchorTop={open.anchorTop} answer={answer} />
    </Suspense>
  ) : null;
  return { ask, dialog };
}
