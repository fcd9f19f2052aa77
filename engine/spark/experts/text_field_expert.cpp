// SPDX-License-Identifier: Apache-2.0
// A text field: a visible <label htmlFor> naming the input, help text and an error joined
// to it through aria-describedby, aria-invalid while there is an error (the error text
// announced as an alert), and the required state both native and shown.
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/experts/story_format.h"
#include "spark/token_palette.h"

namespace helios::spark {

namespace {

constexpr char16_t tsxTemplate[] = uR"~~(import { forwardRef, useId } from 'react';
import type { InputHTMLAttributes@REACT_NODE@ } from 'react';
import styles from './@NAME@.module.css';

export type @NAME@Size = @SIZES@;

export interface @NAME@Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'size'> {
  /** The visible label: also the input's accessible name. */
  label?: string;
  /** Shown under the input and read after the label. */
  help?: string;
  /** Marks the input invalid; shown under it and announced. */
  error?: string;
  size?: @NAME@Size;
@EXTRA_PROPS@}

/** A labelled text input whose colours, spacing and type come from the design tokens. */
export const @NAME@ = forwardRef<HTMLInputElement, @NAME@Props>(function @NAME@(
  { label = @LABEL@, help = @HELP@, error, size = '@DEFAULT_SIZE@', id, type = '@TYPE@', required = @REQUIRED@, className@EXTRA_ARGS@, ...rest },
  ref,
) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const helpId = help ? `${inputId}-help` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  const classes = [styles.root, styles[size], error ? styles.invalid : undefined, className].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <label htmlFor={inputId} className={styles.label}>
        {label}
        {required && (
          <span className={styles.required} aria-hidden="true">
            {' *'}
          </span>
        )}
      </label>
      <div className={styles.control}>
@ICON@        <input
          ref={ref}
          id={inputId}
          type={type}
          className={styles.input}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...rest}
        />
      </div>
      {help && (
        <p id={helpId} className={styles.help}>
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} className={styles.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
});
)~~";

constexpr char16_t cssTemplate[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.root {
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

.required {
  color: @danger@;
}

.control {
  display: flex;
  align-items: center;
  gap: @space-sm@;
  border: @border-width@ solid @border@;
  border-radius: @radius-md@;
  background-color: @surface@;
  transition: border-color @duration-fast@;
}

.control:focus-within {
  border-color: @focus@;
  outline: medium solid @focus@;
  outline-offset: 0;
}

.input {
  flex: 1;
  min-inline-size: 0;
  border: 0;
  background: transparent;
  font: inherit;
  color: inherit;
  outline: none;
}

.input:disabled {
  cursor: not-allowed;
  opacity: 0.5;
}

.icon {
  display: inline-flex;
  color: @text-muted@;
}

.help {
  margin: 0;
  font-size: @font-size-sm@;
  color: @text-muted@;
}

.error {
  margin: 0;
  font-size: @font-size-sm@;
  color: @danger@;
}

.invalid .control {
  border-color: @danger@;
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

struct InputKind {
    QLatin1StringView word;
    QLatin1StringView type;
    QLatin1StringView label;
};

constexpr InputKind inputKinds[] = {
    {QLatin1StringView("email"), QLatin1StringView("email"), QLatin1StringView("Email")},
    {QLatin1StringView("password"), QLatin1StringView("password"), QLatin1StringView("Password")},
    {QLatin1StringView("search"), QLatin1StringView("search"), QLatin1StringView("Search")},
    {QLatin1StringView("phone"), QLatin1StringView("tel"), QLatin1StringView("Phone number")},
    {QLatin1StringView("url"), QLatin1StringView("url"), QLatin1StringView("Website")},
    {QLatin1StringView("website"), QLatin1StringView("url"), QLatin1StringView("Website")},
    {QLatin1StringView("number"), QLatin1StringView("number"), QLatin1StringView("Amount")},
};

class TextFieldExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::TextField; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        const QString name = componentName(request, family());
        QStringList notes;
        const QStringList sizes = source::choose(request.sizes, {QStringLiteral("sm"), QStringLiteral("md"), QStringLiteral("lg")},
                                                 {QStringLiteral("md")}, QStringLiteral("sizes"), notes);
        QString type = QStringLiteral("text");
        QString kindLabel;
        for (const InputKind &kind : inputKinds) {
            if (source::mentions(request, {kind.word})) {
                type = kind.type;
                kindLabel = kind.label;
                break;
            }
        }
        // Quoted strings in order: the label, then the help text.
        QString label = !request.labels.isEmpty() ? request.labels.front() : request.title;
        if (label.isEmpty()) {
            label = !kindLabel.isEmpty() ? kindLabel : request.name.isEmpty() ? QStringLiteral("Name") : source::words(request.name);
            notes.append(QStringLiteral("no label given: \"%1\"").arg(label));
        }
        QString help = !request.description.isEmpty() ? request.description : request.labels.value(1);
        const QString error = request.labels.value(2);
        if (!request.variants.isEmpty())
            notes.append(QStringLiteral("variants do not apply to a text field, left out: %1").arg(request.variants.join(QLatin1StringView(", "))));

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("SIZES"), source::literalUnion(sizes));
        values.insert(QStringLiteral("DEFAULT_SIZE"), sizes.contains(QLatin1StringView("md")) ? QStringLiteral("md") : sizes.front());
        values.insert(QStringLiteral("LABEL"), source::stringLiteral(label));
        values.insert(QStringLiteral("HELP"), help.isEmpty() ? QStringLiteral("undefined") : source::stringLiteral(help));
        values.insert(QStringLiteral("TYPE"), type);
        values.insert(QStringLiteral("REQUIRED"), request.required ? QStringLiteral("true") : QStringLiteral("false"));
        if (request.withIcon) {
            values.insert(QStringLiteral("REACT_NODE"), QStringLiteral(", ReactNode"));
            values.insert(QStringLiteral("EXTRA_PROPS"),
                          QStringLiteral("  /** Decorative, before the input: hidden from assistive technology. */\n  icon?: ReactNode;\n"));
            values.insert(QStringLiteral("EXTRA_ARGS"), QStringLiteral(", icon"));
            values.insert(QStringLiteral("ICON"),
                          QStringLiteral("        {icon && (\n          <span className={styles.icon} aria-hidden=\"true\">\n"
                                         "            {icon}\n          </span>\n        )}\n"));
        } else {
            for (const char *key : {"REACT_NODE", "EXTRA_PROPS", "EXTRA_ARGS", "ICON"})
                values.insert(QString::fromLatin1(key), QString());
        }
        QString sizeRules;
        for (const QString &size : sizes)
            sizeRules += sizeRule(size);
        values.insert(QStringLiteral("SIZE_RULES"), source::fill(sizeRules, values));

        ComponentSources sources;
        sources.tsx = source::fill(tsxTemplate, values);
        sources.css = source::fill(cssTemplate, values);
        if (!asPart) {
            QString out = source::storiesHeader(name);
            out += source::story(QStringLiteral("Default"), QString());
            out += source::story(QStringLiteral("WithError"),
                                 QStringLiteral("error: %1").arg(source::stringLiteral(error.isEmpty() ? QStringLiteral("Please check this field") : error)));
            out += source::story(QStringLiteral("Disabled"), QStringLiteral("disabled: true"));
            if (!request.required)
                out += source::story(QStringLiteral("Required"), QStringLiteral("required: true"));
            out += source::sizeStories(sizes, values.value(QStringLiteral("DEFAULT_SIZE")));
            sources.stories = out;
        }
        sources.exportedTypes = QStringList{name + QStringLiteral("Size")};
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.notes = notes;
        return component;
    }
};

} // namespace

std::unique_ptr<Expert> makeTextFieldExpert()
{
    return std::make_unique<TextFieldExpert>();
}

} // namespace helios::spark
