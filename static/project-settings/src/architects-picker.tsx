import { AsyncSelect } from '@atlaskit/select';
import { useMemo, type ReactElement } from 'react';
import type { PersonRefDto } from '../../../src/shared/contract/common';
import { debounceSearch } from '../../shared/debounce-search';
import { invoke } from './api';

export interface PersonOption {
  value: string;
  label: string;
}

export const personOption = (p: PersonRefDto): PersonOption => ({ value: p.accountId, label: p.displayName });

/** Wait this long after the last keystroke before asking Jira: one user search per pause, not per letter. */
const SEARCH_DEBOUNCE_MS = 300;

/** Jira's user search through `settings.searchUsers`; a failed search shows no matches rather than breaking the form. */
async function searchPeople(query: string): Promise<PersonOption[]> {
  if (query.trim() === '') return [];
  const r = await invoke('settings.searchUsers', { query }).catch(() => null);
  return r?.ok ? r.data.map(personOption) : [];
}

/** The architects of the project, picked from Jira's users as the admin types (Atlaskit AsyncSelect, debounced). */
export function ArchitectsPicker({ id, value, onChange, isDisabled }: { id: string; value: PersonOption[]; onChange: (value: PersonOption[]) => void; isDisabled: boolean }): ReactElement {
  const loadOptions = useMemo(() => debounceSearch(searchPeople, SEARCH_DEBOUNCE_MS), []);
  return (
    <AsyncSelect<PersonOption, true>
      inputId={id}
      testId="architects-picker"
      isMulti
      isClearable={false}
      isDisabled={isDisabled}
      loadOptions={loadOptions}
      value={value}
      onChange={(selected) => onChange([...selected])}
      placeholder="Type a name or email"
      noOptionsMessage={({ inputValue }) => (inputValue.trim() ? 'No matching people' : 'Type a name or email')}
    />
  );
}
