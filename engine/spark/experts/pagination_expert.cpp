// SPDX-License-Identifier: Apache-2.0
// Pagination: a <nav> with an aria-label, page buttons with the current one marked
// aria-current="page", gaps for skipped pages, and previous/next buttons disabled at the ends.
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/token_palette.h"

namespace helios::spark {

namespace {

constexpr int maxPages = 100000;

constexpr char16_t tsxTemplate[] = uR"~~(import { forwardRef, useState } from 'react';
import type { HTMLAttributes } from 'react';
import styles from './@NAME@.module.css';

export type @NAME@Size = @SIZES@;

export interface @NAME@Props extends Omit<HTMLAttributes<HTMLElement>, 'onChange'> {
  pageCount: number;
  /** The current page (1-based) when the parent keeps it; otherwise it is kept here. */
  page?: number;
  defaultPage?: number;
  onPageChange?: (page: number) => void;
  /** Pages shown either side of the current one. */
  siblingCount?: number;
  size?: @NAME@Size;
  /** Names the navigation landmark. */
  label?: string;
  previousLabel?: string;
  nextLabel?: string;
}

type PageItem = number | 'gap';

/** The pages to show: the first, the last, the current one and its siblings, gaps between. */
function pageItems(current: number, count: number, siblings: number): PageItem[] {
  const pages = new Set<number>([1, count]);
  for (let page = current - siblings; page <= current + siblings; page += 1) {
    if (page >= 1 && page <= count) pages.add(page);
  }
  const sorted = [...pages].sort((a, b) => a - b);
  const items: PageItem[] = [];
  sorted.forEach((page, index) => {
    if (index > 0 && page - sorted[index - 1] > 1) items.push('gap');
    items.push(page);
  });
  return items;
}

/** Page links as buttons; the current page is marked for assistive technology. */
export const @NAME@ = forwardRef<HTMLElement, @NAME@Props>(function @NAME@(
  {
    pageCount,
    page,
    defaultPage = 1,
    onPageChange,
    siblingCount = 1,
    size = '@DEFAULT_SIZE@',
    label = @LABEL@,
    previousLabel = @PREVIOUS@,
    nextLabel = @NEXT@,
    className,
    ...rest
  },
  ref,
) {
  const [ownPage, setOwnPage] = useState(defaultPage);
  const count = Math.max(1, Math.floor(pageCount));
  const current = Math.min(Math.max(1, page ?? ownPage), count);
  const go = (target: number) => {
    const next = Math.min(Math.max(1, target), count);
    if (next === current) return;
    setOwnPage(next);
    onPageChange?.(next);
  };
  const classes = [styles.root, styles[size], className].filter(Boolean).join(' ');
  return (
    <nav ref={ref} aria-label={label} className={classes} {...rest}>
      <ul className={styles.list}>
        <li>
          <button type="button" className={styles.button} disabled={current <= 1} onClick={() => go(current - 1)}>
            <span aria-hidden="true">{'\u2039'}</span> {previousLabel}
          </button>
        </li>
        {pageItems(current, count, siblingCount).map((item, index) =>
          item === 'gap' ? (
            <li key={`gap-${index}`} className={styles.gap} aria-hidden="true">
              {'\u2026'}
            </li>
          ) : (
            <li key={item}>
              <button
                type="button"
                className={[styles.button, item === current ? styles.current : ''].filter(Boolean).join(' ')}
                aria-current={item === current ? 'page' : undefined}
                aria-label={`Page ${item}`}
                onClick={() => go(item)}
              >
                {item}
              </button>
            </li>
          ),
        )}
        <li>
          <button type="button" className={styles.button} disabled={current >= count} onClick={() => go(current + 1)}>
            {nextLabel} <span aria-hidden="true">{'\u203A'}</span>
          </button>
        </li>
      </ul>
    </nav>
  );
});
)~~";

constexpr char16_t cssTemplate[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.root {
  font-family: @font-family-body@;
  color: @text@;
}

.list {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: @space-xs@;
  margin: 0;
  padding: 0;
  list-style: none;
}

.button {
  min-width: @space-xl@;
  border: @border-width@ solid @border@;
  border-radius: @radius-md@;
  background-color: @surface@;
  color: @text@;
  font: inherit;
  cursor: pointer;
  transition: background-color @duration-fast@;
}

.button:hover:not(:disabled) {
  background-color: @surface-alt@;
}

.button:focus-visible {
  outline: @border-width@ solid @focus@;
  outline-offset: @border-width@;
}

.button:disabled {
  cursor: not-allowed;
  opacity: 0.5;
}

.current {
  background-color: @primary@;
  border-color: @primary@;
  color: @on-primary@;
  font-weight: @font-weight-bold@;
}

.current:hover:not(:disabled) {
  background-color: @primary-hover@;
}

.gap {
  padding: 0 @space-xs@;
  color: @text-muted@;
}
@SIZE_RULES@)~~";

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

export const FirstPage: Story = {
  args: { pageCount: @COUNT@ },
};

export const MiddlePage: Story = {
  args: { pageCount: @COUNT@, defaultPage: @MIDDLE@ },
};

export const LastPage: Story = {
  args: { pageCount: @COUNT@, defaultPage: @COUNT@ },
};
@EXTRA_STORIES@)~~";

class PaginationExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::Pagination; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        QStringList notes;
        const QString name = componentName(request, family());
        const QStringList sizes = source::choose(request.sizes, {QStringLiteral("sm"), QStringLiteral("md"), QStringLiteral("lg")},
                                                 {QStringLiteral("md")}, QStringLiteral("sizes"), notes);
        const QString defaultSize = sizes.contains(QLatin1StringView("md")) ? QStringLiteral("md") : sizes.front();
        if (!request.variants.isEmpty())
            notes.append(QStringLiteral("variants left out: %1").arg(request.variants.join(QLatin1StringView(", "))));
        int count = request.count;
        if (count <= 0) {
            count = 10;
            notes.append(QStringLiteral("no page count given: 10 pages in the stories"));
        }
        count = qMin(count, maxPages);

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("SIZES"), source::literalUnion(sizes));
        values.insert(QStringLiteral("DEFAULT_SIZE"), defaultSize);
        values.insert(QStringLiteral("COUNT"), QString::number(count));
        values.insert(QStringLiteral("MIDDLE"), QString::number((count + 1) / 2));
        values.insert(QStringLiteral("LABEL"), source::stringLiteral(request.title.isEmpty() ? QStringLiteral("Pagination") : request.title));
        values.insert(QStringLiteral("PREVIOUS"), source::stringLiteral(request.labels.value(0, QStringLiteral("Previous"))));
        values.insert(QStringLiteral("NEXT"), source::stringLiteral(request.labels.value(1, QStringLiteral("Next"))));

        QString sizeRules, extraStories;
        for (const QString &size : sizes) {
            const bool sm = size == QLatin1StringView("sm"), lg = size == QLatin1StringView("lg");
            const QString pad = sm ? QStringLiteral("@space-xs@") : lg ? QStringLiteral("@space-sm@ @space-md@") : QStringLiteral("@space-xs@ @space-sm@");
            const QString font = sm ? QStringLiteral("@font-size-sm@") : lg ? QStringLiteral("@font-size-lg@") : QStringLiteral("@font-size-md@");
            sizeRules += QStringLiteral("\n.%1 .button {\n  padding: %2;\n  font-size: %3;\n}\n").arg(size, pad, font);
            if (size != defaultSize)
                extraStories += QStringLiteral("\nexport const %1: Story = {\n  args: { pageCount: %2, size: '%3' },\n};\n")
                                    .arg(sm ? QStringLiteral("Small") : QStringLiteral("Large"), QString::number(count), size);
        }
        values.insert(QStringLiteral("SIZE_RULES"), source::fill(sizeRules, values));
        values.insert(QStringLiteral("EXTRA_STORIES"), extraStories);

        ComponentSources sources;
        sources.tsx = source::fill(tsxTemplate, values);
        sources.css = source::fill(cssTemplate, values);
        sources.stories = source::fill(storiesTemplate, values);
        sources.exportedTypes = QStringList{name + QStringLiteral("Size")};
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.notes = notes;
        return component;
    }
};

} // namespace

std::unique_ptr<Expert> makePaginationExpert()
{
    return std::make_unique<PaginationExpert>();
}

} // namespace helios::spark
