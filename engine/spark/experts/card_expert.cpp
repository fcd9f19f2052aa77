// SPDX-License-Identifier: Apache-2.0
// A card: an <article> labelled by its heading, an optional image with alt text, a
// description, free content, and the parts the prompt asks for ("two buttons", "a text
// field") composed from their own experts into the card's folder and imported from it.
#include "spark/experts/component_files.h"
#include "spark/experts/composed_parts.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/experts/story_format.h"
#include "spark/token_palette.h"

namespace helios::spark {

namespace {

constexpr char16_t tsxTemplate[] = uR"~~(import { forwardRef, useId } from 'react';
import type { HTMLAttributes, ReactNode } from 'react';
@IMPORTS@import styles from './@NAME@.module.css';

export type @NAME@Variant = @VARIANTS@;
@IMAGE_TYPE@
export interface @NAME@Props extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** The card's heading: also its accessible name. */
  title?: string;
  description?: string;
  variant?: @NAME@Variant;
@EXTRA_PROPS@  children?: ReactNode;
}

/** A card whose colours, spacing, radius and type come from the design tokens. */
export const @NAME@ = forwardRef<HTMLElement, @NAME@Props>(function @NAME@(
  { title = @TITLE@, description = @DESCRIPTION@, variant = '@DEFAULT_VARIANT@'@EXTRA_ARGS@, children, className, ...rest },
  ref,
) {
  const headingId = useId();
  const classes = [styles.root, styles[variant], className].filter(Boolean).join(' ');
  return (
    <article ref={ref} aria-labelledby={headingId} className={classes} {...rest}>
@IMAGE@      <div className={styles.body}>
        <h3 id={headingId} className={styles.title}>
          {title}
        </h3>
        {description && <p className={styles.description}>{description}</p>}
@FIELDS@        {children}
      </div>
@ACTIONS@    </article>
  );
});
)~~";

constexpr char16_t imageTemplate[] = uR"~~(      {image && <img src={image.src} alt={image.alt} className={styles.image} />}
)~~";

constexpr char16_t cssTemplate[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.root {
  display: flex;
  flex-direction: column;
  overflow: hidden;
  border: @border-width@ solid @border@;
  border-radius: @radius-md@;
  background-color: @surface@;
  font-family: @font-family-body@;
  color: @text@;
}

.image {
  display: block;
  inline-size: 100%;
  aspect-ratio: 16 / 9;
  object-fit: cover;
  background-color: @surface-alt@;
}

.body {
  display: flex;
  flex-direction: column;
  gap: @space-sm@;
  padding: @space-lg@;
}

.title {
  margin: 0;
  font-family: @font-family-heading@;
  font-size: @font-size-lg@;
  font-weight: @font-weight-bold@;
}

.description {
  margin: 0;
  font-size: @font-size-md@;
  color: @text-muted@;
}

.actions {
  display: flex;
  flex-wrap: wrap;
  gap: @space-sm@;
  padding: 0 @space-lg@ @space-lg@;
}
@VARIANT_RULES@)~~";

QString variantRule(const QString &variant)
{
    if (variant == QLatin1StringView("elevated"))
        return QStringLiteral("\n.elevated {\n  border-color: transparent;\n  box-shadow: @shadow@;\n}\n");
    if (variant == QLatin1StringView("flat"))
        return QStringLiteral("\n.flat {\n  border-color: transparent;\n  background-color: @surface-alt@;\n}\n");
    return QStringLiteral("\n.outline {\n  border-color: @border@;\n}\n");
}

class CardExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::Card; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        const QString name = componentName(request, family());
        QStringList notes;
        const QStringList variants = source::choose(request.variants, {QStringLiteral("outline"), QStringLiteral("elevated"), QStringLiteral("flat")},
                                                    {QStringLiteral("outline")}, QStringLiteral("variants"), notes);
        QString title = request.title;
        if (title.isEmpty() && !request.labels.isEmpty() && request.parts.isEmpty())
            title = request.labels.front();
        if (title.isEmpty()) {
            title = request.name.isEmpty() ? QStringLiteral("Card title") : source::words(request.name);
            notes.append(QStringLiteral("no title given: \"%1\"").arg(title));
        }
        QString description = request.description;
        if (description.isEmpty()) {
            description = QStringLiteral("A short description of what this card is about.");
            notes.append(QStringLiteral("no description given: placeholder text"));
        }

        const source::ComposedParts parts = source::composeParts(
            request.parts, {ExpertFamily::Button, ExpertFamily::TextField, ExpertFamily::Select, ExpertFamily::Choice}, name, context, notes);

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("VARIANTS"), source::literalUnion(variants));
        values.insert(QStringLiteral("DEFAULT_VARIANT"), variants.front());
        values.insert(QStringLiteral("TITLE"), source::stringLiteral(title));
        values.insert(QStringLiteral("DESCRIPTION"), source::stringLiteral(description));
        values.insert(QStringLiteral("IMPORTS"), parts.imports);

        QString extraProps, extraArgs, fields, actions;
        if (request.withImage) {
            values.insert(QStringLiteral("IMAGE_TYPE"), source::fill(u"\nexport interface @NAME@Image {\n  src: string;\n"
                                                                     u"  /** Describes the image; empty only when it is decorative. */\n  alt: string;\n}\n",
                                                                     values));
            extraProps += source::fill(u"  image?: @NAME@Image;\n", values);
            extraArgs += QStringLiteral(", image");
            values.insert(QStringLiteral("IMAGE"), QString::fromUtf16(imageTemplate));
        } else {
            values.insert(QStringLiteral("IMAGE_TYPE"), QString());
            values.insert(QStringLiteral("IMAGE"), QString());
        }
        for (const source::PartUse &use : parts.uses) {
            if (use.family == ExpertFamily::Button)
                continue;
            for (int i = 0; i < use.labels.size(); ++i)
                fields += QStringLiteral("        ") + source::partElement(use, i) + QLatin1Char('\n');
        }
        if (const source::PartUse *buttons = parts.find(ExpertFamily::Button)) {
            extraProps += QStringLiteral("  /** Called with the label of the action pressed. */\n  onAction?: (action: string) => void;\n");
            extraArgs += QStringLiteral(", onAction");
            actions += QStringLiteral("      <div className={styles.actions}>\n");
            for (int i = 0; i < buttons->labels.size(); ++i) {
                const QString handler = QStringLiteral("onClick={() => onAction?.(%1)}").arg(source::stringLiteral(buttons->labels[i]));
                actions += QStringLiteral("        ") + source::partElement(*buttons, i, handler) + QLatin1Char('\n');
            }
            actions += QStringLiteral("      </div>\n");
        }
        values.insert(QStringLiteral("EXTRA_PROPS"), extraProps);
        values.insert(QStringLiteral("EXTRA_ARGS"), extraArgs);
        values.insert(QStringLiteral("FIELDS"), fields);
        values.insert(QStringLiteral("ACTIONS"), actions);
        QString variantRules;
        for (const QString &variant : variants)
            variantRules += variantRule(variant);
        values.insert(QStringLiteral("VARIANT_RULES"), source::fill(variantRules, values));

        ComponentSources sources;
        sources.tsx = source::fill(tsxTemplate, values);
        sources.css = source::fill(cssTemplate, values);
        if (!asPart) {
            // An inline SVG keeps the story self-contained: no network, no file to ship.
            const QString image = request.withImage
                ? QStringLiteral(", image: { src: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 9%22/%3E', alt: ")
                      + source::stringLiteral(QStringLiteral("Illustration for ") + title) + QStringLiteral(" }")
                : QString();
            QString out = source::storiesHeader(name);
            out += source::story(QStringLiteral("Default"), QStringLiteral("title: %1").arg(source::stringLiteral(title)) + image);
            for (const QString &variant : variants) {
                if (variant != variants.front())
                    out += source::story(source::storyName(variant), QStringLiteral("variant: '%1'").arg(variant) + image);
            }
            out += source::story(QStringLiteral("WithoutDescription"), QStringLiteral("description: ''"));
            sources.stories = out;
        }
        sources.exportedTypes = QStringList{name + QStringLiteral("Variant")};
        if (request.withImage)
            sources.exportedTypes.append(name + QStringLiteral("Image"));
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.files += parts.files;
        component.composedParts = parts.names;
        component.notes = notes;
        return component;
    }
};

} // namespace

std::unique_ptr<Expert> makeCardExpert()
{
    return std::make_unique<CardExpert>();
}

} // namespace helios::spark
