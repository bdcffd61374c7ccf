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

/** One searchable single choice (Atlaskit AsyncSelect, debounced); `hint` is the placeholder and the empty message. */
function SearchPicker({ id, value, onChange, testId, search, hint, none }: PickerProps & { search: (q: string) => Promise<Option[]>; hint: string; none: string }): ReactElement {
  const load = useMemo(() => debounceSearch(search, SEARCH_DEBOUNCE_MS), [search]);
  return (
    <AsyncSelect<Option>
      inputId={id}
      testId={testId}
      isClearable
      loadOptions={load}
      value={value}
      onChange={(v) => onChange(v ?? null)}
      placeholder={hint}
      noOptionsMessage={({ inputValue }) => (inputValue.trim() ? none : hint)}
    />
  );
}

/** An issue in any project the user may browse, found by key or by words of its summary (Jira search). */
export function IssuePicker(props: PickerProps): ReactElement {
  return <SearchPicker {...props} search={searchIssues} hint="Type an issue key or words of its summary" none="No matching issues you can see" />;
}

/** A Jira user, for the owner on the providing side. */
export function PersonPicker(props: PickerProps): ReactElement {
  return <SearchPicker {...props} search={searchPeople} hint="Type a name or email" none="No matching people" />;
}
