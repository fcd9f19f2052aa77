// SPDX-License-Identifier: Apache-2.0
// Checkboxes, switches and radio groups: a <fieldset> whose <legend> names the group.
// Checkboxes and radios are native inputs inside their labels (radios share a name, so
// the browser gives arrow-key movement); a switch is a <button role="switch"
// aria-checked> whose text is its name, pressed with Space or Enter like any button.
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/experts/story_format.h"
#include "spark/token_palette.h"

#include <QSet>

namespace helios::spark {

namespace {

enum class Kind { Checkbox, Radio, Switch };

constexpr char16_t headTemplate[] = uR"~~(import { forwardRef, useId, useState } from 'react';
import type { FieldsetHTMLAttributes } from 'react';
import styles from './@NAME@.module.css';

export interface @NAME@Option {
  value: string;
  label: string;
}

export const @LOWER@Options: @NAME@Option[] = [
@OPTIONS@];

export type @NAME@Size = @SIZES@;

export interface @NAME@Props extends Omit<FieldsetHTMLAttributes<HTMLFieldSetElement>, 'onChange' | 'defaultValue'> {
  /** Names the group for everyone: the fieldset's legend. */
  legend?: string;
  options?: @NAME@Option[];
  /** @VALUE_DOC@ */
  defaultValue?: @VALUE_TYPE@;
  onChange?: (value: @VALUE_TYPE@) => void;
  size?: @NAME@Size;
}

/** @DOC@ */
export const @NAME@ = forwardRef<HTMLFieldSetElement, @NAME@Props>(function @NAME@(
  { legend = @LEGEND@, options = @LOWER@Options, defaultValue = @DEFAULT_VALUE@, onChange, size = '@DEFAULT_SIZE@', disabled, className, ...rest },
  ref,
) {
  const name = useId();
  const [value, setValue] = useState<@VALUE_TYPE@>(defaultValue);
@HANDLER@  const classes = [styles.root, styles[size], className].filter(Boolean).join(' ');
  return (
    <fieldset ref={ref} className={classes} disabled={disabled} {...rest}>
      <legend className={styles.legend}>{legend}</legend>
      {options.map((option) => (
@ITEM@      ))}
    </fieldset>
  );
});
)~~";

constexpr char16_t checkboxHandler[] = uR"~~(  const toggle = (option: string) => {
    const next = value.includes(option) ? value.filter((v) => v !== option) : [...value, option];
    setValue(next);
    onChange?.(next);
  };
)~~";

constexpr char16_t checkboxItem[] = uR"~~(        <label key={option.value} className={styles.option}>
          <input
            type="checkbox"
            name={name}
            value={option.value}
            className={styles.input}
            checked={value.includes(option.value)}
            onChange={() => toggle(option.value)}
          />
          {option.label}
        </label>
)~~";

constexpr char16_t radioHandler[] = uR"~~(  const choose = (option: string) => {
    setValue(option);
    onChange?.(option);
  };
)~~";

constexpr char16_t radioItem[] = uR"~~(        <label key={option.value} className={styles.option}>
          <input
            type="radio"
            name={name}
            value={option.value}
            className={styles.input}
            checked={value === option.value}
            onChange={() => choose(option.value)}
          />
          {option.label}
        </label>
)~~";

constexpr char16_t switchItem[] = uR"~~(        <button
          key={option.value}
          type="button"
          role="switch"
          aria-checked={value.includes(option.value)}
          className={styles.switch}
          onClick={() => toggle(option.value)}
        >
          <span className={styles.track} aria-hidden="true">
            <span className={styles.thumb} />
          </span>
          {option.label}
        </button>
)~~";

constexpr char16_t cssTemplate[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.root {
  display: flex;
  flex-direction: column;
  gap: @space-sm@;
  margin: 0;
  padding: 0;
  border: 0;
  font-family: @font-family-body@;
  color: @text@;
}

.legend {
  margin-block-end: @space-xs@;
  padding: 0;
  font-weight: @font-weight-bold@;
}

.option,
.switch {
  display: inline-flex;
  align-items: center;
  gap: @space-sm@;
  cursor: pointer;
}

.input {
  margin: 0;
  accent-color: @primary@;
}

.input:focus-visible,
.switch:focus-visible {
  outline: medium solid @focus@;
  outline-offset: @space-xs@;
}

.switch {
  padding: 0;
  border: 0;
  background: none;
  font: inherit;
  color: inherit;
  text-align: start;
}

.track {
  display: inline-flex;
  align-items: center;
  inline-size: calc(@space-md@ * 2);
  padding: @space-xs@;
  border-radius: @radius-full@;
  background-color: @border@;
  transition: background-color @duration-fast@;
}

.thumb {
  inline-size: @space-md@;
  block-size: @space-md@;
  border-radius: @radius-full@;
  background-color: @surface@;
  box-shadow: @shadow@;
  transition: transform @duration-fast@;
}

.switch[aria-checked='true'] .track {
  background-color: @primary@;
}

.switch[aria-checked='true'] .thumb {
  transform: translateX(100%);
}

.root:disabled .option,
.root:disabled .switch {
  cursor: not-allowed;
  opacity: 0.5;
}
@SIZE_RULES@)~~";

QString sizeRule(const QString &size)
{
    const QString font = size == QLatin1StringView("sm") ? QStringLiteral("@font-size-sm@")
                         : size == QLatin1StringView("lg") ? QStringLiteral("@font-size-lg@")
                                                           : QStringLiteral("@font-size-md@");
    return QStringLiteral("\n.%1 {\n  font-size: %2;\n}\n").arg(size, font);
}

class ChoiceExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::Choice; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        QStringList notes;
        const Kind kind = source::mentions(request, {QLatin1StringView("radio"), QLatin1StringView("single choice"), QLatin1StringView("one of")})
            ? Kind::Radio
            : source::mentions(request, {QLatin1StringView("switch"), QLatin1StringView("toggle")}) ? Kind::Switch
                                                                                                    : Kind::Checkbox;
        QString name = request.name;
        if (name.isEmpty())
            name = kind == Kind::Radio ? QStringLiteral("RadioGroup") : kind == Kind::Switch ? QStringLiteral("SwitchGroup")
                                                                                           : QStringLiteral("CheckboxGroup");
        const QStringList sizes = source::choose(request.sizes, {QStringLiteral("sm"), QStringLiteral("md"), QStringLiteral("lg")},
                                                 {QStringLiteral("md")}, QStringLiteral("sizes"), notes);
        const QStringList labels = source::itemsOf(request, QStringLiteral("Option"), kind == Kind::Switch ? 1 : 3, 24, notes);
        QString legend = request.title;
        if (legend.isEmpty()) {
            legend = !request.name.isEmpty() ? source::words(request.name)
                     : kind == Kind::Radio   ? QStringLiteral("Choose one")
                     : kind == Kind::Switch  ? QStringLiteral("Settings")
                                             : QStringLiteral("Choose any");
            notes.append(QStringLiteral("no legend given: \"%1\"").arg(legend));
        }

        QString options;
        QStringList optionValues;
        QSet<QString> used;
        for (const QString &option : labels) {
            const QString base = source::kebab(option);
            QString value = base;
            for (int n = 2; used.contains(value); ++n)
                value = base + QLatin1Char('-') + QString::number(n);
            used.insert(value);
            optionValues.append(value);
            options += QStringLiteral("  { value: %1, label: %2 },\n").arg(source::stringLiteral(value), source::stringLiteral(option));
        }

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("LOWER"), source::camelIdentifier(name));
        values.insert(QStringLiteral("SIZES"), source::literalUnion(sizes));
        values.insert(QStringLiteral("DEFAULT_SIZE"), sizes.contains(QLatin1StringView("md")) ? QStringLiteral("md") : sizes.front());
        values.insert(QStringLiteral("LEGEND"), source::stringLiteral(legend));
        values.insert(QStringLiteral("OPTIONS"), options);
        if (kind == Kind::Radio) {
            values.insert(QStringLiteral("VALUE_TYPE"), QStringLiteral("string"));
            values.insert(QStringLiteral("VALUE_DOC"), QStringLiteral("The chosen option's value."));
            values.insert(QStringLiteral("DEFAULT_VALUE"), source::stringLiteral(optionValues.front()));
            values.insert(QStringLiteral("HANDLER"), QString::fromUtf16(radioHandler));
            values.insert(QStringLiteral("ITEM"), QString::fromUtf16(radioItem));
            values.insert(QStringLiteral("DOC"), QStringLiteral("A radio group: one choice, arrow keys move between options."));
        } else {
            values.insert(QStringLiteral("VALUE_TYPE"), QStringLiteral("string[]"));
            values.insert(QStringLiteral("VALUE_DOC"), QStringLiteral("The values of the options turned on."));
            values.insert(QStringLiteral("DEFAULT_VALUE"), QStringLiteral("[]"));
            values.insert(QStringLiteral("HANDLER"), QString::fromUtf16(checkboxHandler));
            values.insert(QStringLiteral("ITEM"), QString::fromUtf16(kind == Kind::Switch ? switchItem : checkboxItem));
            values.insert(QStringLiteral("DOC"), kind == Kind::Switch ? QStringLiteral("Switches (role switch): each turns one setting on or off.")
                                                                      : QStringLiteral("A group of checkboxes: any number of choices."));
        }
        QString sizeRules;
        for (const QString &size : sizes)
            sizeRules += sizeRule(size);
        values.insert(QStringLiteral("SIZE_RULES"), source::fill(sizeRules, values));

        ComponentSources sources;
        sources.tsx = source::fill(headTemplate, values);
        sources.css = source::fill(cssTemplate, values);
        if (!asPart) {
            const QString first = source::stringLiteral(optionValues.front());
            QString out = source::storiesHeader(name);
            out += source::story(QStringLiteral("Default"), QString());
            out += source::story(QStringLiteral("Chosen"), kind == Kind::Radio ? QStringLiteral("defaultValue: %1").arg(first)
                                                                               : QStringLiteral("defaultValue: [%1]").arg(first));
            out += source::story(QStringLiteral("Disabled"), QStringLiteral("disabled: true"));
            out += source::sizeStories(sizes, values.value(QStringLiteral("DEFAULT_SIZE")));
            sources.stories = out;
        }
        sources.exportedTypes = QStringList{name + QStringLiteral("Option"), name + QStringLiteral("Size")};
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.notes = notes;
        if (request.disabled)
            component.notes.append(QStringLiteral("disabled is a prop: see the Disabled story"));
        return component;
    }
};

} // namespace

std::unique_ptr<Expert> makeChoiceExpert()
{
    return std::make_unique<ChoiceExpert>();
}

} // namespace helios::spark
