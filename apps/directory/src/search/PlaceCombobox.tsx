import { useTranslation } from '@caremap/ui';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { type Place, usePlaces } from '../api';
import { useDebouncedValue } from './use-debounced-value';

export interface PlaceComboboxProps {
  id: string;
  label: string;
  /** The text in the field (a chosen town's name, or what is being typed). */
  value: string;
  onTextChange: (text: string) => void;
  onSelect: (place: Place) => void;
  describedBy?: string;
}

/**
 * The town field: an editable combobox with a list of suggestions (WAI-ARIA APG "combobox with
 * list autocomplete"). Focus stays in the field; arrows move the active option, which
 * aria-activedescendant names to screen readers; Enter picks it, Escape closes the list (a second
 * Escape clears the field).
 */
export function PlaceCombobox({ id, label, value, onTextChange, onSelect, describedBy }: PlaceComboboxProps) {
  const { t } = useTranslation();
  const listId = useId();
  const statusId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useDebouncedValue(value, 200);
  const places = usePlaces(typed);
  const options = typed.trim().length >= 2 ? (places.data ?? []) : [];
  const expanded = open && options.length > 0;

  // New suggestions: nothing is active until the user arrows into the list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the option list changes
  useEffect(() => setActive(-1), [places.data]);

  const optionId = (index: number) => `${listId}-option-${index}`;
  const choose = (place: Place) => {
    onSelect(place);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (options.length) setActive((i) => (i + 1) % options.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        if (options.length) setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
        break;
      case 'Enter':
        if (expanded && active >= 0 && options[active]) {
          event.preventDefault();
          choose(options[active]);
        }
        break;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (value) {
          event.preventDefault();
          onTextChange('');
        }
        break;
      default:
        break;
    }
  };

  let status = '';
  if (open && typed.trim().length >= 2 && places.data) {
    status = options.length
      ? t('find.place.suggestions', { count: options.length })
      : t('find.place.noSuggestions');
  }

  return (
    <div className="find-combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={describedBy}
        value={value}
        onChange={(event) => {
          onTextChange(event.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <div id={listId} role="listbox" aria-label={label} className="find-combobox__list" hidden={!expanded}>
        {options.map((place, index) => (
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the input; aria-activedescendant points here
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works through the input (aria-activedescendant)
          <div
            key={place.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'find-combobox__option is-active' : 'find-combobox__option'}
            // Keep focus in the input so the click does not blur (and close) the list first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(place)}
          >
            <span>{place.name}</span>
            <span className="find-combobox__region">
              {place.label.slice(place.name.length).replace(/^,\s*/, '')}
            </span>
          </div>
        ))}
      </div>
      <p id={statusId} className="cm-visually-hidden" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
