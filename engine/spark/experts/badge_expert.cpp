// SPDX-License-Identifier: Apache-2.0
// A badge (a span), an avatar (an img with alt text, or initials in role="img" with an
// aria-label when there is no picture or it fails to load) or a tag (a label with, when
// removable, a remove button whose aria-label names the tag).
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/token_palette.h"

namespace helios::spark {

namespace {

constexpr char16_t badgeTsx[] = uR"~~(import { forwardRef } from 'react';
import type { HTMLAttributes } from 'react';
import styles from './@NAME@.module.css';

export type @NAME@Variant = @VARIANTS@;
export type @NAME@Size = @SIZES@;

export interface @NAME@Props extends HTMLAttributes<HTMLSpanElement> {
  variant?: @NAME@Variant;
  size?: @NAME@Size;
}

/** A small status label. Colour is never the only signal: the text says it. */
export const @NAME@ = forwardRef<HTMLSpanElement, @NAME@Props>(function @NAME@(
  { variant = '@DEFAULT_VARIANT@', size = '@DEFAULT_SIZE@', className, ...rest },
  ref,
) {
  const classes = [styles.root, styles[variant], styles[size], className].filter(Boolean).join(' ');
  return <span ref={ref} className={classes} {...rest} />;
});
)~~";

constexpr char16_t avatarTsx[] = uR"~~(import { forwardRef, useState } from 'react';
import type { HTMLAttributes } from 'react';
import styles from './@NAME@.module.css';

export type @NAME@Variant = @VARIANTS@;
export type @NAME@Size = @SIZES@;

export interface @NAME@Props extends HTMLAttributes<HTMLSpanElement> {
  /** Whose picture: the image's alt text, and the initials' label without one. */
  name: string;
  src?: string;
  variant?: @NAME@Variant;
  size?: @NAME@Size;
}

function initialsOf(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}

/** A picture of a person, or their initials when there is none. */
export const @NAME@ = forwardRef<HTMLSpanElement, @NAME@Props>(function @NAME@(
  { name, src, variant = '@DEFAULT_VARIANT@', size = '@DEFAULT_SIZE@', className, ...rest },
  ref,
) {
  const [failed, setFailed] = useState(false);
  const classes = [styles.root, styles[variant], styles[size], className].filter(Boolean).join(' ');
  if (src && !failed) {
    return (
      <span ref={ref} className={classes} {...rest}>
        <img className={styles.image} src={src} alt={name} onError={() => setFailed(true)} />
      </span>
    );
  }
  return (
    <span ref={ref} role="img" aria-label={name} className={classes} {...rest}>
      <span aria-hidden="true">{initialsOf(name)}</span>
    </span>
  );
});
)~~";

constexpr char16_t tagTsx[] = uR"~~(import { forwardRef } from 'react';
import type { HTMLAttributes } from 'react';
import styles from './@NAME@.module.css';

export type @NAME@Variant = @VARIANTS@;
export type @NAME@Size = @SIZES@;

export interface @NAME@Props extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  label: string;
  variant?: @NAME@Variant;
  size?: @NAME@Size;
  /** Makes the tag removable: a button after the label calls it. */
  onRemove?: () => void;
  /** The remove button's accessible name; "Remove <label>" by default. */
  removeLabel?: string;
}

/** A label for a filter or a category, optionally removable. */
export const @NAME@ = forwardRef<HTMLSpanElement, @NAME@Props>(function @NAME@(
  { label, variant = '@DEFAULT_VARIANT@', size = '@DEFAULT_SIZE@', onRemove, removeLabel, className, ...rest },
  ref,
) {
  const classes = [styles.root, styles[variant], styles[size], className].filter(Boolean).join(' ');
  return (
    <span ref={ref} className={classes} {...rest}>
      <span className={styles.label}>{label}</span>
      {onRemove ? (
        <button type="button" className={styles.remove} aria-label={removeLabel ?? `Remove ${label}`} onClick={onRemove}>
          <span aria-hidden="true">{'\u00D7'}</span>
        </button>
      ) : null}
    </span>
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
  font-family: @font-family-body@;
  font-weight: @font-weight-bold@;
  line-height: 1;
  white-space: nowrap;
  vertical-align: middle;
@ROOT_EXTRA@}
@MODE_RULES@
.neutral {
  background-color: @surface-alt@;
  color: @text@;
  border-color: @border@;
}

.primary {
  background-color: @primary@;
  color: @on-primary@;
}

.secondary {
  background-color: @secondary@;
  color: @on-secondary@;
}

.success {
  background-color: @surface@;
  color: @text@;
  border-color: @success@;
}

.warning {
  background-color: @surface@;
  color: @text@;
  border-color: @warning@;
}

.danger {
  background-color: @danger@;
  color: @on-danger@;
}
@SIZE_RULES@)~~";

constexpr char16_t storiesHead[] = uR"~~(import type { ComponentProps } from 'react';
import { @NAME@ } from './@NAME@';

// Component Story Format: the default export describes the component, each named
// export is one story rendered from its args.
const meta = {
  title: 'Components/@NAME@',
  component: @NAME@,
};
export default meta;

type Story = { args: ComponentProps<typeof @NAME@> };
)~~";

enum class Mode { Badge, Avatar, Tag };

// A picture without any colour: the token lint reads stories too.
constexpr QLatin1StringView samplePicture(
    "data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27 viewBox=%270 0 2 2%27%3E%3Ccircle cx=%271%27 cy=%271%27 r=%271%27/%3E%3C/svg%3E");

class BadgeExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::Badge; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        QStringList notes;
        const Mode mode = source::mentions(request, {QLatin1StringView("avatar"), QLatin1StringView("profile"),
                                                     QLatin1StringView("user picture")})
            ? Mode::Avatar
            : source::mentions(request, {QLatin1StringView("tag"), QLatin1StringView("chip"), QLatin1StringView("removable")})
            ? Mode::Tag
            : Mode::Badge;
        const QString defaultName = mode == Mode::Avatar ? QStringLiteral("Avatar") : mode == Mode::Tag ? QStringLiteral("Tag") : QStringLiteral("Badge");
        const QString name = request.name.isEmpty() ? defaultName : request.name;
        const QStringList known{QStringLiteral("neutral"), QStringLiteral("primary"), QStringLiteral("secondary"),
                                QStringLiteral("success"), QStringLiteral("warning"), QStringLiteral("danger")};
        const QStringList variants = source::choose(request.variants, known,
                                                    {QStringLiteral("neutral"), QStringLiteral("primary")}, QStringLiteral("variants"), notes);
        const QStringList sizes = source::choose(request.sizes, {QStringLiteral("sm"), QStringLiteral("md"), QStringLiteral("lg")},
                                                 mode == Mode::Avatar ? QStringList{QStringLiteral("sm"), QStringLiteral("md"), QStringLiteral("lg")}
                                                                      : QStringList{QStringLiteral("sm"), QStringLiteral("md")},
                                                 QStringLiteral("sizes"), notes);
        const QString defaultSize = sizes.contains(QLatin1StringView("md")) ? QStringLiteral("md") : sizes.front();

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("VARIANTS"), source::literalUnion(variants));
        values.insert(QStringLiteral("DEFAULT_VARIANT"), variants.front());
        values.insert(QStringLiteral("SIZES"), source::literalUnion(sizes));
        values.insert(QStringLiteral("DEFAULT_SIZE"), defaultSize);

        QString rootExtra, modeRules, sizeRules;
        if (mode == Mode::Avatar) {
            rootExtra = QStringLiteral("  overflow: hidden;\n  border-radius: @radius-full@;\n  aspect-ratio: 1;\n");
            modeRules = QStringLiteral("\n.image {\n  width: 100%;\n  height: 100%;\n  object-fit: cover;\n}\n");
        } else {
            rootExtra = mode == Mode::Tag ? QStringLiteral("  border-radius: @radius-sm@;\n") : QStringLiteral("  border-radius: @radius-full@;\n");
            if (mode == Mode::Tag)
                modeRules = QStringLiteral("\n.remove {\n  display: inline-flex;\n  padding: 0;\n  border: 0;\n  border-radius: @radius-sm@;\n"
                                           "  background: none;\n  color: inherit;\n  font: inherit;\n  line-height: 1;\n  cursor: pointer;\n}\n\n"
                                           ".remove:focus-visible {\n  outline: @border-width@ solid @focus@;\n  outline-offset: @border-width@;\n}\n");
        }
        for (const QString &size : sizes) {
            const bool sm = size == QLatin1StringView("sm"), lg = size == QLatin1StringView("lg");
            const QString font = sm ? QStringLiteral("@font-size-sm@") : lg ? QStringLiteral("@font-size-lg@") : QStringLiteral("@font-size-md@");
            if (mode == Mode::Avatar) {
                // The avatar's side is a space token: xl, twice xl, three times xl.
                const QString side = sm ? QStringLiteral("@space-xl@") : lg ? QStringLiteral("calc(@space-xl@ * 3)") : QStringLiteral("calc(@space-xl@ * 2)");
                sizeRules += QStringLiteral("\n.%1 {\n  width: %2;\n  height: %2;\n  font-size: %3;\n}\n").arg(size, side, font);
            } else {
                const QString pad = sm ? QStringLiteral("0 @space-xs@") : lg ? QStringLiteral("@space-xs@ @space-md@") : QStringLiteral("@space-xs@ @space-sm@");
                sizeRules += QStringLiteral("\n.%1 {\n  padding: %2;\n  font-size: %3;\n}\n").arg(size, pad, font);
            }
        }
        values.insert(QStringLiteral("ROOT_EXTRA"), source::fill(rootExtra, values));
        values.insert(QStringLiteral("MODE_RULES"), source::fill(modeRules, values));
        values.insert(QStringLiteral("SIZE_RULES"), source::fill(sizeRules, values));

        QString stories = source::fill(storiesHead, values);
        if (mode == Mode::Avatar) {
            const QString person = request.labels.value(0, request.title.isEmpty() ? QStringLiteral("Ada Lovelace") : request.title);
            const QString who = source::stringLiteral(person);
            if (request.withImage)
                stories += QStringLiteral("\nexport const WithPicture: Story = {\n  args: { name: %1, src: '%2' },\n};\n").arg(who, samplePicture);
            stories += QStringLiteral("\nexport const Initials: Story = {\n  args: { name: %1 },\n};\n").arg(who);
            for (const QString &size : sizes) {
                if (size != defaultSize)
                    stories += QStringLiteral("\nexport const %1: Story = {\n  args: { name: %2, size: '%3' },\n};\n")
                                   .arg(source::pascalIdentifier(size + QStringLiteral(" size")), who, size);
            }
        } else {
            QStringList labels = request.labels;
            if (labels.isEmpty()) {
                labels = request.items.isEmpty() ? QStringList{mode == Mode::Tag ? QStringLiteral("Design") : QStringLiteral("New")} : request.items;
                if (request.items.isEmpty())
                    notes.append(QStringLiteral("no label given: \"%1\" in the stories").arg(labels.front()));
            }
            const QString textKey = mode == Mode::Tag ? QStringLiteral("label") : QStringLiteral("children");
            for (qsizetype i = 0; i < variants.size(); ++i) {
                const QString text = source::stringLiteral(labels.at(i % labels.size()));
                stories += QStringLiteral("\nexport const %1: Story = {\n  args: { variant: '%2', %3: %4 },\n};\n")
                               .arg(source::pascalIdentifier(variants[i]), variants[i], textKey, text);
            }
            if (mode == Mode::Tag) {
                stories += QStringLiteral("\nexport const Removable: Story = {\n  args: { label: %1, onRemove: () => {} },\n};\n")
                               .arg(source::stringLiteral(labels.back()));
            }
        }
        if (mode != Mode::Avatar && request.withImage)
            notes.append(QStringLiteral("an image was asked for: avatars show pictures, badges and tags do not"));

        ComponentSources sources;
        sources.tsx = source::fill(mode == Mode::Avatar ? avatarTsx : mode == Mode::Tag ? tagTsx : badgeTsx, values);
        sources.css = source::fill(cssTemplate, values);
        sources.stories = stories;
        sources.exportedTypes = QStringList{name + QStringLiteral("Variant"), name + QStringLiteral("Size")};
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.notes = notes;
        return component;
    }
};

} // namespace

std::unique_ptr<Expert> makeBadgeExpert()
{
    return std::make_unique<BadgeExpert>();
}

} // namespace helios::spark
