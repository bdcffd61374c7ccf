import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives';
import { useState, type ReactElement } from 'react';
import type { AppError } from '../../../shared/api';
import { bridgeFailure } from '../../../shared/api';
import type { PortfolioScopeDto } from '../../../../src/shared/contract/project-page';
import { invoke } from '../api';

/** Saves text as a file in the browser: the app never stores exports. */
function download(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mimeType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV of the table and the Markdown planning pack, read fresh as the user for the current scope. */
export function ExportsMenu({ scope, onError }: { scope: PortfolioScopeDto; onError: (error: AppError | null) => void }): ReactElement {
  const [busy, setBusy] = useState<'csv' | 'markdown' | null>(null);
  const run = async (format: 'csv' | 'markdown'): Promise<void> => {
    setBusy(format);
    onError(null);
    const r = await invoke('portfolio.export', { scope, format }).catch((e: unknown) => ({ ok: false as const, error: bridgeFailure(e) }));
    setBusy(null);
    if (r.ok) download(r.data.fileName, r.data.mimeType, r.data.content);
    else onError(r.error);
  };
  return (
    <Inline space="space.100">
      <Button onClick={() => void run('csv')} isLoading={busy === 'csv'} isDisabled={busy !== null} testId="export-csv">
        Export CSV
      </Button>
      <Button onClick={() => void run('markdown')} isLoading={busy === 'markdown'} isDisabled={busy !== null} testId="export-markdown">
        Planning pack (Markdown)
      </Button>
    </Inline>
  );
}
