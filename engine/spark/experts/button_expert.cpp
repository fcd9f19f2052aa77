// SPDX-License-Identifier: Apache-2.0
// A button: a native <button> (keyboard and focus for free) with type="button" by
// default, variants and sizes as classes, aria-busy and disabled while loading, and an
// optional icon hidden from assistive technology (the label names the button).
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/experts/story_format.h"
#include "spark/token_palette.h"

namespace helios::spark {

namespace {

constexpr char16_t tsxTemplate[] = uR"~~(import { forwardRef } from 'react';
import type { ButtonHTMLAttributes@REACT_NODE@ } from 'react';
import styles from './@NAME@.module.css';

export type @NAME@Variant = @VARIANTS@;
export type @NAME@Size = @SIZES@;

export interface @NAME@Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Visual weight: @DEFAULT_VARIANT@ for the main action of a view. */
  variant?: @NAME@Variant;
  size?: @NAME@Size;
@EXTRA_PROPS@}

/** A button whose colours, spacing, radius and type all come from the design tokens. */
export const @NAME@ = forwardRef<HTMLButtonElement, @NAME@Props>(function @NAME@(
  { variant = '@DEFAULT_VARIANT@', size = '@DEFAULT_SIZE@', type = 'button', disabled, className, children = @LABEL@@EXTRA_ARGS@, ...rest },
  ref,
) {
  const classes = [styles.root, styles[variant], styles[size], className].filter(Boolean).join(' ');
  return (
    <button ref={ref} type={type} className={classes} disabled={disabled@BUSY_DISABLED@}@BUSY@ {...rest}>
@BEFORE_LABEL@      {children}
    </button>
  );
});
)~~";

constexpr char16_t cssTemplate[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.root {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  gap: @space-xs@;
  border: @border-width@ solid transparent;
  border-radius: @radius-md@;
  font-family: @font-family-body@;
  font-weight: @font-weight-bold@;
  line-height: 1.25;
  cursor: pointer;
  transition: background-color @duration-fast@, border-color @duration-fast@, color @duration-fast@;
}

.root:focus-visible {
  outline: medium solid @focus@;
  outline-offset: @space-xs@;
}

.root:disabled {
  cursor: not-allowed;
  opacity: 0.5;
}
@VARIANT_RULES@@SIZE_RULES@@EXTRA_RULES@)~~";

constexpr char16_t spinnerRules[] = uR"~~(
.spinner {
  inline-size: @font-size-sm@;
  block-size: @font-size-sm@;
  border: @border-width@ solid currentColor;
  border-inline-end-color: transparent;
  border-radius: 50%;
  animation: spin calc(@duration-fast@ * 6) linear infinite;
}

@keyframes spin {
  to {
    transform: rotate(1turn);
  }
}

@media (prefers-reduced-motion: reduce) {
  .spinner {
    animation: none;
  }
}
)~~";

constexpr char16_t iconRules[] = uR"~~(
.icon {
  display: inline-flex;
  font-size: @font-size-md@;
}
)~~";

QString variantRule(const QString &variant)
{
    if (variant == QLatin1StringView("primary"))
        return QStringLiteral("\n.primary {\n  background-color: @primary@;\n  color: @on-primary@;\n}\n\n"
                              ".primary:hover:not(:disabled) {\n  background-color: @primary-hover@;\n}\n");
    if (variant == QLatin1StringView("secondary"))
        return QStringLiteral("\n.secondary {\n  background-color: @secondary@;\n  color: @on-secondary@;\n  border-color: @border@;\n}\n\n"
                              ".secondary:hover:not(:disabled) {\n  border-color: @primary@;\n}\n");
    if (variant == QLatin1StringView("danger"))
        return QStringLiteral("\n.danger {\n  background-color: @danger@;\n  color: @on-danger@;\n}\n\n"
                              ".danger:hover:not(:disabled) {\n  filter: brightness(0.9);\n}\n");
    if (variant == QLatin1StringView("ghost"))
        return QStringLiteral("\n.ghost {\n  background-color: transparent;\n  color: @primary@;\n}\n\n"
                              ".ghost:hover:not(:disabled) {\n  background-color: @surface-alt@;\n}\n");
    // outline
    return QStringLiteral("\n.outline {\n  background-color: transparent;\n  color: @primary@;\n  border-color: @primary@;\n}\n\n"
                          ".outline:hover:not(:disabled) {\n  background-color: @surface-alt@;\n}\n");
}

QString sizeRule(const QString &size)
{
    if (size == QLatin1StringView("sm"))
        return QStringLiteral("\n.sm {\n  padding: @space-xs@ @space-sm@;\n  font-size: @font-size-sm@;\n}\n");
    if (size == QLatin1StringView("lg"))
        return QStringLiteral("\n.lg {\n  padding: @space-md@ @space-xl@;\n  font-size: @font-size-lg@;\n}\n");
    return QStringLiteral("\n.md {\n  padding: @space-sm@ @space-lg@;\n  font-size: @font-size-md@;\n}\n");
}

class ButtonExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::Button; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        const QString name = componentName(request, family());
        QStringList notes;
        const QStringList variants = source::choose(
            request.variants,
            {QStringLiteral("primary"), QStringLiteral("secondary"), QStringLiteral("danger"), QStringLiteral("ghost"), QStringLiteral("outline")},
            {QStringLiteral("primary"), QStringLiteral("secondary")}, QStringLiteral("variants"), notes);
        const QStringList sizes = source::choose(request.sizes, {QStringLiteral("sm"), QStringLiteral("md"), QStringLiteral("lg")},
                                                 {QStringLiteral("sm"), QStringLiteral("md")}, QStringLiteral("sizes"), notes);
        QString label = !request.labels.isEmpty() ? request.labels.front()
                        : !request.description.isEmpty() ? request.description
                        : !request.title.isEmpty()       ? request.title
                                                         : QString();
        if (label.isEmpty()) {
            label = request.name.isEmpty() ? QStringLiteral("Continue") : source::words(request.name);
            notes.append(QStringLiteral("no label given: \"%1\"").arg(label));
        }
        const QString defaultSize = sizes.contains(QLatin1StringView("md")) ? QStringLiteral("md") : sizes.front();

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("VARIANTS"), source::literalUnion(variants));
        values.insert(QStringLiteral("SIZES"), source::literalUnion(sizes));
        values.insert(QStringLiteral("DEFAULT_VARIANT"), variants.front());
        values.insert(QStringLiteral("DEFAULT_SIZE"), defaultSize);
        values.insert(QStringLiteral("LABEL"), source::stringLiteral(label));

        QString extraProps, extraArgs, beforeLabel, extraRules;
        if (request.loading) {
            extraProps += QStringLiteral("  /** Work is under way: the button is busy and cannot be pressed again. */\n  loading?: boolean;\n");
            extraArgs += QStringLiteral(", loading = false");
            values.insert(QStringLiteral("BUSY_DISABLED"), QStringLiteral(" || loading"));
            values.insert(QStringLiteral("BUSY"), QStringLiteral(" aria-busy={loading || undefined}"));
            beforeLabel += QStringLiteral("      {loading && <span className={styles.spinner} aria-hidden=\"true\" />}\n");
            extraRules += QString::fromUtf16(spinnerRules);
        } else {
            values.insert(QStringLiteral("BUSY_DISABLED"), QString());
            values.insert(QStringLiteral("BUSY"), QString());
        }
        if (request.withIcon) {
            extraProps += QStringLiteral("  /** Decorative: hidden from assistive technology, the label names the button. */\n  icon?: ReactNode;\n");
            extraArgs += QStringLiteral(", icon");
            beforeLabel += QStringLiteral("      {icon && (\n        <span className={styles.icon} aria-hidden=\"true\">\n          {icon}\n        </span>\n      )}\n");
            extraRules += QString::fromUtf16(iconRules);
            values.insert(QStringLiteral("REACT_NODE"), QStringLiteral(", ReactNode"));
        } else {
            values.insert(QStringLiteral("REACT_NODE"), QString());
        }
        if (!request.items.isEmpty() || request.count > 1)
            notes.append(QStringLiteral("one button: compose several in a card or a dialog"));
        values.insert(QStringLiteral("EXTRA_PROPS"), extraProps);
        values.insert(QStringLiteral("EXTRA_ARGS"), extraArgs);
        values.insert(QStringLiteral("BEFORE_LABEL"), beforeLabel);

        QString variantRules, sizeRules;
        for (const QString &variant : variants)
            variantRules += variantRule(variant);
        for (const QString &size : sizes)
            sizeRules += sizeRule(size);
        values.insert(QStringLiteral("VARIANT_RULES"), source::fill(variantRules, values));
        values.insert(QStringLiteral("SIZE_RULES"), source::fill(sizeRules, values));
        values.insert(QStringLiteral("EXTRA_RULES"), source::fill(extraRules, values));

        ComponentSources sources;
        sources.tsx = source::fill(tsxTemplate, values);
        sources.css = source::fill(cssTemplate, values);
        if (!asPart)
            sources.stories = stories(name, variants, sizes, defaultSize, label, request);
        sources.exportedTypes = QStringList{name + QStringLiteral("Variant"), name + QStringLiteral("Size")};
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.notes = notes;
        return component;
    }

private:
    static QString stories(const QString &name, const QStringList &variants, const QStringList &sizes, const QString &defaultSize,
                           const QString &label, const ComponentRequest &request)
    {
        const QString text = source::stringLiteral(label);
        QString out = source::storiesHeader(name);
        for (const QString &variant : variants)
            out += source::story(source::storyName(variant), QStringLiteral("variant: '%1', children: %2").arg(variant, text));
        out += source::sizeStories(sizes, defaultSize, QString(), QStringLiteral(", children: %1").arg(text));
        out += source::story(QStringLiteral("Disabled"), QStringLiteral("disabled: true, children: %1").arg(text));
        if (request.loading)
            out += source::story(QStringLiteral("Loading"), QStringLiteral("loading: true, children: %1").arg(text));
        if (request.withIcon)
            out += source::story(QStringLiteral("WithIcon"), QStringLiteral("icon: '\\u2605', children: %1").arg(text));
        return out;
    }
};

} // namespace

std::unique_ptr<Expert> makeButtonExpert()
{
    return std::make_unique<ButtonExpert>();
}

} // namespace helios::spark
