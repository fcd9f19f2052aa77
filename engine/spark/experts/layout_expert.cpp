// SPDX-License-Identifier: Apache-2.0
// Layout primitives: a Stack (flex, a direction, alignment) or a Grid (columns), both with
// a gap chosen from the space tokens by name (xs..xl) so a layout never invents spacing.
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/token_palette.h"

namespace helios::spark {

namespace {

constexpr int maxColumns = 12;
constexpr int maxSampleItems = 24;

constexpr char16_t stackTsx[] = uR"~~(import { forwardRef } from 'react';
import type { HTMLAttributes } from 'react';
import styles from './@NAME@.module.css';

export type @NAME@Gap = 'none' | 'xs' | 'sm' | 'md' | 'lg' | 'xl';
export type @NAME@Direction = 'vertical' | 'horizontal';
export type @NAME@Align = 'start' | 'center' | 'end' | 'stretch';

export interface @NAME@Props extends HTMLAttributes<HTMLDivElement> {
  direction?: @NAME@Direction;
  /** Space between children: a step of the space tokens. */
  gap?: @NAME@Gap;
  align?: @NAME@Align;
  /** Lets children flow onto further lines. */
  wrap?: boolean;
}

/** Children one after another, spaced by a space token. */
export const @NAME@ = forwardRef<HTMLDivElement, @NAME@Props>(function @NAME@(
  { direction = '@DIRECTION@', gap = '@GAP@', align = 'stretch', wrap = false, className, ...rest },
  ref,
) {
  const classes = [styles.root, styles[direction], styles[`gap-${gap}`], styles[`align-${align}`], wrap ? styles.wrap : '', className]
    .filter(Boolean)
    .join(' ');
  return <div ref={ref} className={classes} {...rest} />;
});
)~~";

constexpr char16_t gridTsx[] = uR"~~(import { forwardRef } from 'react';
import type { HTMLAttributes } from 'react';
import styles from './@NAME@.module.css';

export type @NAME@Gap = 'none' | 'xs' | 'sm' | 'md' | 'lg' | 'xl';

export interface @NAME@Props extends HTMLAttributes<HTMLDivElement> {
  /** How many equal columns; children fill them row by row. */
  columns?: number;
  /** Space between cells: a step of the space tokens. */
  gap?: @NAME@Gap;
}

/** Children in equal columns, spaced by a space token. */
export const @NAME@ = forwardRef<HTMLDivElement, @NAME@Props>(function @NAME@(
  { columns = @COLUMNS@, gap = '@GAP@', className, style, ...rest },
  ref,
) {
  const count = Math.max(1, Math.floor(columns));
  const classes = [styles.root, styles[`gap-${gap}`], className].filter(Boolean).join(' ');
  return (
    <div
      ref={ref}
      className={classes}
      style={{ gridTemplateColumns: `repeat(${count}, minmax(0, 1fr))`, ...style }}
      {...rest}
    />
  );
});
)~~";

constexpr char16_t gapRules[] = uR"~~(
.gap-none {
  gap: 0;
}

.gap-xs {
  gap: @space-xs@;
}

.gap-sm {
  gap: @space-sm@;
}

.gap-md {
  gap: @space-md@;
}

.gap-lg {
  gap: @space-lg@;
}

.gap-xl {
  gap: @space-xl@;
}
)~~";

constexpr char16_t stackCss[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.root {
  display: flex;
  min-width: 0;
}

.vertical {
  flex-direction: column;
}

.horizontal {
  flex-direction: row;
}

.wrap {
  flex-wrap: wrap;
}

.align-start {
  align-items: flex-start;
}

.align-center {
  align-items: center;
}

.align-end {
  align-items: flex-end;
}

.align-stretch {
  align-items: stretch;
}
)~~";

constexpr char16_t gridCss[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.root {
  display: grid;
  min-width: 0;
}
)~~";

constexpr char16_t storiesTemplate[] = uR"~~(import type { ComponentProps } from 'react';
import { @NAME@ } from './@NAME@';

// Component Story Format: the default export describes the component, each named
// export is one story rendered from its args.
const meta = {
  title: 'Components/@NAME@',
  component: @NAME@,
};
export default meta;

type Story = { args: ComponentProps<typeof @NAME@> };

const sampleLabels = @LABELS@;
const sampleChildren = sampleLabels.map((label) => <div key={label}>{label}</div>);
@STORIES@)~~";

class LayoutExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::Layout; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        QStringList notes;
        const bool grid = source::mentions(request, {QLatin1StringView("grid"), QLatin1StringView("column"),
                                                     QLatin1StringView("tiles"), QLatin1StringView("gallery")});
        const QString name = request.name.isEmpty() ? (grid ? QStringLiteral("Grid") : QStringLiteral("Stack")) : request.name;
        // The gap: "sm"/"md"/"lg" from the sizes ("a large gap"), else md.
        const QStringList gaps = source::choose(request.sizes, {QStringLiteral("xs"), QStringLiteral("sm"), QStringLiteral("md"),
                                                                QStringLiteral("lg"), QStringLiteral("xl")},
                                                {QStringLiteral("md")}, QStringLiteral("gap"), notes);
        const QString gap = gaps.front();
        if (!request.variants.isEmpty())
            notes.append(QStringLiteral("variants do not apply to a layout, left out: %1").arg(request.variants.join(QLatin1StringView(", "))));

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("GAP"), gap);
        const bool horizontal = source::mentions(request, {QLatin1StringView("horizontal"), QLatin1StringView("row"),
                                                           QLatin1StringView("inline"), QLatin1StringView("side by side")});
        values.insert(QStringLiteral("DIRECTION"), horizontal ? QStringLiteral("horizontal") : QStringLiteral("vertical"));
        int columns = 3;
        if (grid) {
            if (request.count > 0)
                columns = qBound(1, request.count, maxColumns);
            else if (!request.columns.isEmpty())
                columns = qBound(1, int(request.columns.size()), maxColumns);
            else
                notes.append(QStringLiteral("no column count given: 3 columns"));
        }
        values.insert(QStringLiteral("COLUMNS"), QString::number(columns));

        QStringList labels = !request.items.isEmpty() ? request.items : request.labels;
        if (labels.isEmpty()) {
            for (int i = 1; i <= (grid ? columns * 2 : 3); ++i)
                labels.append(QStringLiteral("Item %1").arg(i));
        }
        labels.removeDuplicates();  // they are React keys in the story
        labels = labels.mid(0, maxSampleItems);
        values.insert(QStringLiteral("LABELS"), source::stringArray(labels));

        QString stories;
        if (grid) {
            stories = QStringLiteral("\nexport const Default: Story = {\n  args: { columns: %1, children: sampleChildren },\n};\n"
                                     "\nexport const TwoColumns: Story = {\n  args: { columns: 2, gap: 'lg', children: sampleChildren },\n};\n")
                          .arg(columns);
        } else {
            stories = QStringLiteral("\nexport const Vertical: Story = {\n  args: { direction: 'vertical', gap: '%1', children: sampleChildren },\n};\n"
                                     "\nexport const Horizontal: Story = {\n  args: { direction: 'horizontal', gap: '%1', align: 'center', children: sampleChildren },\n};\n")
                          .arg(gap);
        }
        values.insert(QStringLiteral("STORIES"), stories);

        ComponentSources sources;
        sources.tsx = source::fill(grid ? gridTsx : stackTsx, values);
        sources.css = source::fill(QString(QString::fromUtf16(grid ? gridCss : stackCss) + QString::fromUtf16(gapRules)), values);
        sources.stories = source::fill(storiesTemplate, values);
        sources.exportedTypes = QStringList{name + QStringLiteral("Gap")};
        if (!grid)
            sources.exportedTypes << name + QStringLiteral("Direction") << name + QStringLiteral("Align");
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.notes = notes;
        return component;
    }
};

} // namespace

std::unique_ptr<Expert> makeLayoutExpert()
{
    return std::make_unique<LayoutExpert>();
}

} // namespace helios::spark
