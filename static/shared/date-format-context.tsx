import { createContext, useContext } from 'react';
import { dateFormat, type DateFormat } from './dates';

/** The user's date format, provided once by `mount` from the Forge context; the browser's until then. */
export const DateFormatContext = createContext<DateFormat>(dateFormat({}));

export function useDateFormat(): DateFormat {
  return useContext(DateFormatContext);
}
