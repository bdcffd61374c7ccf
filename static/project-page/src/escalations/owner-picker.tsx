import { AsyncSelect } from '@atlaskit/select';
import { useMemo, type ReactElement } from 'react';
import { debounceSearch } from '../../../shared/debounce-search';
import { invoke } from '../api';

interface OwnerOption {
  value: string;
  label: string;
}

/** Wait this long after the last keystroke before asking Jira: one user search per pause, not per letter. */
const SEARCH_DEBOUNCE_MS = 300;

async function searchPeople(query: string): Promise<OwnerOption[]> {
  if (query.trim() === '') return [];
  const r = await invoke('escalations.searchUsers', { query }).catch(() => null);
  return r?.ok ? r.data.map((p) => ({ value: p.accountId, label: p.displayName })) : [];
}

/** The owner of an impediment, picked from Jira's users as one types (a failed search shows no matches). */
export function OwnerPicker({ label, owner, onChange }: { label: string; owner: { accountId: string; displayName: string } | null; onChange: (accountId: string | null) => void }): ReactElement {
  const loadOptions = useMemo(() => debounceSearch(searchPeople, SEARCH_DEBOUNCE_MS), []);
  return (
    <AsyncSelect<OwnerOption, false>
      aria-label={label}
      spacing="compact"
      isClearable
      loadOptions={loadOptions}
      value={owner ? { value: owner.accountId, label: owner.displayName } : null}
      onChange={(selected) => onChange(selected?.value ?? null)}
      placeholder="Unassigned"
      noOptionsMessage={({ inputValue }) => (inputValue.trim() ? 'No matching people' : 'Type a name or email')}
    />
  );
}
