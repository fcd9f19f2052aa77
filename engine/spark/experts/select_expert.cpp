// SPDX-License-Identifier: Apache-2.0
// A select: a labelled native <select> (keyboard, screen readers and mobile pickers for
// free; `multiple` when asked), or, when the prompt asks for search, the ARIA combobox
// pattern: a text input with role combobox, aria-expanded, aria-controls and
// aria-activedescendant over a listbox, driven by arrows, Home/End, Enter and Escape.
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/experts/story_format.h"
#include "spark/token_palette.h"

#include <QSet>

namespace helios::spark {

namespace {

constexpr char16_t optionsTemplate[] = uR"~~(export interface @NAME@Option {
  value: string;
  label: string;
}

export const @LOWER@Options: @NAME@Option[] = [
@OPTIONS@];

export type @NAME@Size = @SIZES@;
)~~";

constexpr char16_t nativeTemplate[] = uR"~~(import { forwardRef, useId } from 'react';
import type { SelectHTMLAttributes } from 'react';
import styles from './@NAME@.module.css';

@OPTION_TYPES@
export interface @NAME@Props extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'size'> {
  /** The visible label: also the select's accessible name. */
  label?: string;
  options?: @NAME@Option[];
  /** Shown under the select and read after the label. */
  help?: string;
  size?: @NAME@Size;
}

/** A labelled native select whose colours, spacing and type come from the design tokens. */
export const @NAME@ = forwardRef<HTMLSelectElement, @NAME@Props>(function @NAME@(
  { label = @LABEL@, options = @LOWER@Options, help, size = '@DEFAULT_SIZE@', id, className, ...rest },
  ref,
) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  const helpId = help ? `${selectId}-help` : undefined;
  const classes = [styles.root, styles[size], className].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <label htmlFor={selectId} className={styles.label}>
        {label}
      </label>
      <select ref={ref} id={selectId} className={styles.control} aria-describedby={helpId}@MULTIPLE@ {...rest}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {help && (
        <p id={helpId} className={styles.help}>
          {help}
        </p>
      )}
    </div>
  );
});
)~~";

constexpr char16_t comboboxTemplate[] = uR"~~(import { forwardRef, useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import styles from './@NAME@.module.css';

@OPTION_TYPES@
export interface @NAME@Props {
  /** The visible label: also the combobox's accessible name. */
  label?: string;
  options?: @NAME@Option[];
  /** The chosen option's value. */
  defaultValue?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  disabled?: boolean;
  size?: @NAME@Size;
  className?: string;
}

/** A searchable combobox (WAI-ARIA combobox with a listbox popup) styled by the design tokens. */
export const @NAME@ = forwardRef<HTMLInputElement, @NAME@Props>(function @NAME@(
  { label = @LABEL@, options = @LOWER@Options, defaultValue, onChange, placeholder = 'Type to search', disabled = false, size = '@DEFAULT_SIZE@', className },
  ref,
) {
  const id = useId();
  const listId = `${id}-list`;
  const [value, setValue] = useState(defaultValue);
  const [query, setQuery] = useState(() => options.find((option) => option.value === defaultValue)?.label ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return options.filter((option) => option.label.toLowerCase().includes(needle));
  }, [options, query]);
  const choose = (option: @NAME@Option) => {
    setValue(option.value);
    setQuery(option.label);
    setOpen(false);
    onChange?.(option.value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = matches.length - 1;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive(open ? Math.min(active + 1, last) : 0);
      setOpen(true);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(Math.max(active - 1, 0));
      setOpen(true);
    } else if (event.key === 'Home' && open) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && open) {
      event.preventDefault();
      setActive(Math.max(last, 0));
    } else if (event.key === 'Enter' && open && matches[active]) {
      event.preventDefault();
      choose(matches[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };
  const classes = [styles.root, styles[size], className].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        type="text"
        role="combobox"
        className={styles.control}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${id}-option-${active}` : undefined}
        value={query}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={label} className={styles.listbox} hidden={!open}>
        {matches.length === 0 ? (
          <li className={styles.empty}>No matches</li>
        ) : (
          matches.map((option, index) => (
            <li
              key={option.value}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={option.value === value}
              className={index === active ? `${styles.option} ${styles.active}` : styles.option}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
            >
              {option.label}
            </li>
          ))
        )}
      </ul>
    </div>
  );
});
)~~";

constexpr char16_t cssTemplate[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.root {
  position: relative;
  display: flex;
  flex-direction: column;
  gap: @space-xs@;
  font-family: @font-family-body@;
  color: @text@;
}

.label {
  font-weight: @font-weight-bold@;
  font-size: @font-size-sm@;
}

.control {
  border: @border-width@ solid @border@;
  border-radius: @radius-md@;
  background-color: @surface@;
  color: inherit;
  font: inherit;
  transition: border-color @duration-fast@;
}

.control:focus-visible {
  border-color: @focus@;
  outline: medium solid @focus@;
  outline-offset: 0;
}

.control:disabled {
  cursor: not-allowed;
  opacity: 0.5;
}

.help {
  margin: 0;
  font-size: @font-size-sm@;
  color: @text-muted@;
}

.listbox {
  position: absolute;
  inset-block-start: 100%;
  inset-inline: 0;
  z-index: 1;
  margin: 0;
  margin-block-start: @space-xs@;
  padding: @space-xs@;
  list-style: none;
  border: @border-width@ solid @border@;
  border-radius: @radius-md@;
  background-color: @surface@;
  box-shadow: @shadow@;
}

.option,
.empty {
  padding: @space-xs@ @space-sm@;
  border-radius: @radius-sm@;
}

.option {
  cursor: pointer;
}

.option[aria-selected='true'] {
  font-weight: @font-weight-bold@;
}

.active {
  background-color: @secondary@;
  color: @on-secondary@;
}

.empty {
  color: @text-muted@;
}
@SIZE_RULES@)~~";

QString sizeRule(const QString &size)
{
    if (size == QLatin1StringView("sm"))
        return QStringLiteral("\n.sm .control {\n  padding: @space-xs@ @space-sm@;\n  font-size: @font-size-sm@;\n}\n");
    if (size == QLatin1StringView("lg"))
        return QStringLiteral("\n.lg .control {\n  padding: @space-md@ @space-lg@;\n  font-size: @font-size-lg@;\n}\n");
    return QStringLiteral("\n.md .control {\n  padding: @space-sm@ @space-md@;\n  font-size: @font-size-md@;\n}\n");
}

class SelectExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::Select; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        const QString name = componentName(request, family());
        QStringList notes;
        const QStringList sizes = source::choose(request.sizes, {QStringLiteral("sm"), QStringLiteral("md"), QStringLiteral("lg")},
                                                 {QStringLiteral("md")}, QStringLiteral("sizes"), notes);
        // Items are the options; quoted strings too when no items were listed.
        const QStringList labels = source::itemsOf(request, QStringLiteral("Option"), 3, 50, notes);
        QString label = request.title;
        if (label.isEmpty()) {
            label = request.name.isEmpty() ? QStringLiteral("Choose an option") : source::words(request.name);
            notes.append(QStringLiteral("no label given: \"%1\"").arg(label));
        }
        const bool combobox = request.searchable && !request.multiple;
        if (request.searchable && request.multiple)
            notes.append(QStringLiteral("search with multiple choice: a native multi-select, without search"));

        QString options;
        QSet<QString> used;
        for (const QString &option : labels) {
            const QString base = source::kebab(option);
            QString value = base;
            for (int n = 2; used.contains(value); ++n)
                value = base + QLatin1Char('-') + QString::number(n);
            used.insert(value);
            options += QStringLiteral("  { value: %1, label: %2 },\n").arg(source::stringLiteral(value), source::stringLiteral(option));
        }

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("LOWER"), source::camelIdentifier(name));
        values.insert(QStringLiteral("SIZES"), source::literalUnion(sizes));
        values.insert(QStringLiteral("DEFAULT_SIZE"), sizes.contains(QLatin1StringView("md")) ? QStringLiteral("md") : sizes.front());
        values.insert(QStringLiteral("LABEL"), source::stringLiteral(label));
        values.insert(QStringLiteral("OPTIONS"), options);
        values.insert(QStringLiteral("MULTIPLE"), request.multiple ? QStringLiteral(" multiple") : QString());
        values.insert(QStringLiteral("OPTION_TYPES"), source::fill(optionsTemplate, values));
        QString sizeRules;
        for (const QString &size : sizes)
            sizeRules += sizeRule(size);
        values.insert(QStringLiteral("SIZE_RULES"), source::fill(sizeRules, values));

        ComponentSources sources;
        sources.tsx = source::fill(combobox ? comboboxTemplate : nativeTemplate, values);
        sources.css = source::fill(cssTemplate, values);
        if (!asPart) {
            QString out = source::storiesHeader(name);
            out += source::story(QStringLiteral("Default"), QString());
            out += source::story(QStringLiteral("Disabled"), QStringLiteral("disabled: true"));
            if (!combobox)
                out += source::story(QStringLiteral("WithHelp"), QStringLiteral("help: 'Pick the one that fits best'"));
            out += source::sizeStories(sizes, values.value(QStringLiteral("DEFAULT_SIZE")));
            sources.stories = out;
        }
        sources.exportedTypes = QStringList{name + QStringLiteral("Option"), name + QStringLiteral("Size")};
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.notes = notes;
        return component;
    }
};

} // namespace

std::unique_ptr<Expert> makeSelectExpert()
{
    return std::make_unique<SelectExpert>();
}

} // namespace helios::spark
