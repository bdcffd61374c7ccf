import { AsyncSelect } from '@atlaskit/select';
import { useMemo, type ReactElement } from 'react';
import { debounceSearch } from '../../../shared/debounce-search';
import { invoke } from '../api';

export interface OwnerOption {
  value: string;
  label: string;
}

/** Wait this long after the last keystroke before asking Jira: one user search per pause, not per letter. */
const SEARCH_DEBOUNCE_MS = 300;

async function searchPeople(query: string): Promise<OwnerOption[]> {
  if (query.trim() === '') return [];
  const r = await invoke('risks.searchUsers', { query }).catch(() => null);
  return r?.ok ? r.data.map((p) => ({ value: p.accountId, label: p.displayName })) : [];
}

/** The risk's owner, picked from Jira's users as the lead types (debounced). */
export function OwnerPicker({ id, value, onChange }: { id: string; value: OwnerOption | null; onChange: (value: OwnerOption | null) => void }): ReactElement {
  const loadOptions = useMemo(() => debounceSearch(searchPeople, SEARCH_DEBOUNCE_MS), []);
  return (
    <AsyncSelect<OwnerOption, false>
      inputId={id}
      testId="roam-owner"
      loadOptions={loadOptions}
      value={value}
      onChange={(selected) => onChange(selected)}
      placeholder="Type a name or email"
      noOptionsMessage={({ inputValue }) => (inputValue.trim() ? 'No matching people' : 'Type a name or email')}
    />
  );
}
