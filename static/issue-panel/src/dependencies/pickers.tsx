import { AsyncSelect } from '@atlaskit/select';
import { useMemo, type ReactElement } from 'react';
import { debounceSearch } from '../../../shared/debounce-search';
import { invoke } from '../api';

export interface Option {
  value: string;
  label: string;
}

const SEARCH_DEBOUNCE_MS = 300;

async function searchIssues(query: string): Promise<Option[]> {
  if (query.trim() === '') return [];
  const r = await invoke('dependencies.searchIssues', { query }).catch(() => null);
  return r?.ok ? r.data.map((i) => ({ value: i.key, label: `${i.key} ${i.summary}` })) : [];
}

async function searchPeople(query: string): Promise<Option[]> {
  if (query.trim() === '') return [];
  const r = await invoke('dependencies.searchPeople', { query }).catch(() => null);
  return r?.ok ? r.data.map((p) => ({ value: p.accountId, label: p.displayName })) : [];
}

interface PickerProps {
  id: string;
  value: Option | null;
  onChange: (value: Option | null) => void;
  testId: string;
}

/** An issue in any project the user may browse, found by key or by words of its summary (Jira search). */
export function IssuePicker({ id, value, onChange, testId }: PickerProps): ReactElement {
  const load = useMemo(() => debounceSearch(searchIssues, SEARCH_DEBOUNCE_MS), []);
  return (
    <AsyncSelect<Option>
      inputId={id}
      testId={testId}
      isClearable
      loadOptions={load}
      value={value}
      onChange={(v) => onChange(v ?? null)}
      placeholder="Type an issue key or words of its summary"
      noOptionsMessage={({ inputValue }) => (inputValue.trim() ? 'No matching issues you can see' : 'Type an issue key or words of its summary')}
    />
  );
}

/** A Jira user, for the owner on the providing side. */
export function PersonPicker({ id, value, onChange, testId }: PickerProps): ReactElement {
  const load = useMemo(() => debounceSearch(searchPeople, SEARCH_DEBOUNCE_MS), []);
  return (
    <AsyncSelect<Option>
      inputId={id}
      testId={testId}
      isClearable
      loadOptions={load}
      value={value}
      onChange={(v) => onChange(v ?? null)}
      placeholder="Type a name or email"
      noOptionsMessage={({ inputValue }) => (inputValue.trim() ? 'No matching people' : 'Type a name or email')}
    />
  );
}
