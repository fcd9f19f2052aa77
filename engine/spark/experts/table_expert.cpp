// SPDX-License-Identifier: Apache-2.0
// A data table: <table> with a <caption>, column headers with scope="col", typed rows,
// and (when asked) sortable columns whose header is a button and whose th has aria-sort.
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/token_palette.h"

#include <QSet>

namespace helios::spark {

namespace {

constexpr int maxColumns = 12;
constexpr int maxRows = 20;

constexpr char16_t tsxTemplate[] = uR"~~(import { forwardRef@HOOKS@ } from 'react';
import type { TableHTMLAttributes } from 'react';
import styles from './@NAME@.module.css';

/** One row: an id for React and one text per column. */
export interface @NAME@Row {
  id: string;
@ROW_FIELDS@}

export type @NAME@ColumnKey = @COLUMN_KEYS@;
@SORT_TYPES@
export interface @NAME@Column {
  key: @NAME@ColumnKey;
  label: string;
}

export const @LOWER@Columns: @NAME@Column[] = [
@COLUMNS@];

export type @NAME@Size = @SIZES@;

export interface @NAME@Props extends Omit<TableHTMLAttributes<HTMLTableElement>, 'children'> {
  /** What the table shows: read first by screen readers. */
  caption: string;
  rows: @NAME@Row[];
  columns?: @NAME@Column[];
  size?: @NAME@Size;
  /** Shown in a single row when there are no rows. */
  emptyText?: string;
@EXTRA_PROPS@}

/** A table whose colours, spacing and type come from the design tokens. */
export const @NAME@ = forwardRef<HTMLTableElement, @NAME@Props>(function @NAME@(
  { caption, rows, columns = @LOWER@Columns, size = '@DEFAULT_SIZE@', emptyText = 'No rows to show'@EXTRA_ARGS@, className, ...rest },
  ref,
) {
@SORT_STATE@  const classes = [styles.root, styles[size], className].filter(Boolean).join(' ');
  return (
    <div className={styles.scroller}>
      <table ref={ref} className={classes}@BUSY@ {...rest}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
@HEADER_CELL@            ))}
          </tr>
        </thead>
        <tbody>
@BODY@        </tbody>
      </table>
    </div>
  );
});
)~~";

constexpr char16_t sortStateTemplate[] = uR"~~(  const [sort, setSort] = useState<@NAME@Sort | null>(null);
  const shown = useMemo(() => {
    if (!sort) return rows;
    const factor = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => factor * a[sort.key].localeCompare(b[sort.key], undefined, { numeric: true }));
  }, [rows, sort]);
  const toggleSort = (key: @NAME@ColumnKey) => {
    const direction: @NAME@SortDirection =
      sort && sort.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending';
    setSort({ key, direction });
    onSortChange?.(key, direction);
  };
)~~";

constexpr char16_t sortableHeader[] = uR"~~(              <th
                key={column.key}
                scope="col"
                className={styles.header}
                aria-sort={sort?.key === column.key ? sort.direction : undefined}
              >
                <button type="button" className={styles.sortButton} onClick={() => toggleSort(column.key)}>
                  {column.label}
                  <span aria-hidden="true" className={styles.sortIcon}>
                    {sort?.key === column.key ? (sort.direction === 'ascending' ? '\u25B2' : '\u25BC') : '\u25C7'}
                  </span>
                </button>
              </th>
)~~";

constexpr char16_t plainHeader[] = uR"~~(              <th key={column.key} scope="col" className={styles.header}>
                {column.label}
              </th>
)~~";

constexpr char16_t bodyTemplate[] = uR"~~(          {@LOADING_ROW@@SHOWN@.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className={styles.message}>
                {emptyText}
              </td>
            </tr>
          ) : (
            @SHOWN@.map((row) => (
              <tr key={row.id} className={styles.row}>
                {columns.map((column) => (
                  <td key={column.key} className={styles.cell}>
                    {row[column.key]}
                  </td>
                ))}
              </tr>
            ))
          )}
)~~";

constexpr char16_t loadingRow[] = uR"~~(loading ? (
            <tr>
              <td colSpan={columns.length} className={styles.message} role="status">
                {loadingText}
              </td>
            </tr>
          ) : )~~";

constexpr char16_t cssTemplate[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.scroller {
  overflow-x: auto;
  max-width: 100%;
}

.root {
  width: 100%;
  border-collapse: collapse;
  font-family: @font-family-body@;
  color: @text@;
  background-color: @surface@;
}

.caption {
  caption-side: top;
  text-align: start;
  padding-block-end: @space-sm@;
  font-weight: @font-weight-bold@;
  font-size: @font-size-md@;
}

.header {
  text-align: start;
  font-weight: @font-weight-bold@;
  color: @text-muted@;
  border-bottom: @border-width@ solid @border@;
}

.cell {
  border-bottom: @border-width@ solid @border@;
}

.row:hover {
  background-color: @surface-alt@;
}

.message {
  text-align: center;
  color: @text-muted@;
}

.sortButton {
  display: inline-flex;
  align-items: center;
  gap: @space-xs@;
  padding: 0;
  border: 0;
  background: none;
  font: inherit;
  color: inherit;
  cursor: pointer;
}

.sortButton:focus-visible {
  outline: @border-width@ solid @focus@;
  outline-offset: @border-width@;
}

.sortIcon {
  font-size: @font-size-sm@;
}
@SIZE_RULES@)~~";

constexpr char16_t storiesTemplate[] = uR"~~(import type { ComponentProps } from 'react';
import { @NAME@ } from './@NAME@';
import type { @NAME@Row } from './@NAME@';

// Component Story Format: the default export describes the component, each named
// export is one story rendered from its args.
const meta = {
  title: 'Components/@NAME@',
  component: @NAME@,
};
export default meta;

type Story = { args: ComponentProps<typeof @NAME@> };

const sampleRows: @NAME@Row[] = [
@SAMPLE_ROWS@];

export const Default: Story = {
  args: { caption: @CAPTION@, rows: sampleRows },
};

export const Empty: Story = {
  args: { caption: @CAPTION@, rows: [] },
};
@EXTRA_STORIES@)~~";

QString sizeRule(const QString &size)
{
    const QString pad = size == QLatin1StringView("sm") ? QStringLiteral("@space-xs@ @space-sm@")
                        : size == QLatin1StringView("lg") ? QStringLiteral("@space-md@ @space-lg@")
                                                          : QStringLiteral("@space-sm@ @space-md@");
    const QString font = size == QLatin1StringView("sm") ? QStringLiteral("@font-size-sm@")
                         : size == QLatin1StringView("lg") ? QStringLiteral("@font-size-lg@")
                                                           : QStringLiteral("@font-size-md@");
    return QStringLiteral("\n.%1 th,\n.%1 td {\n  padding: %2;\n  font-size: %3;\n}\n").arg(size, pad, font);
}

class TableExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::Table; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        const QString name = componentName(request, family());
        QStringList notes;

        QStringList labels = request.columns;
        if (labels.isEmpty()) {
            labels = {QStringLiteral("Name"), QStringLiteral("Status"), QStringLiteral("Updated")};
            notes.append(QStringLiteral("no columns named: 3 defaults (Name, Status, Updated)"));
        } else if (labels.size() > maxColumns) {
            notes.append(QStringLiteral("%1 columns named; the first %2 kept").arg(labels.size()).arg(maxColumns));
            labels = labels.mid(0, maxColumns);
        }
        // Keys are identifiers from the labels, made unique; "id" is the row's own key.
        QStringList keys;
        QSet<QString> used{QStringLiteral("id")};
        for (const QString &label : labels) {
            const QString base = source::camelIdentifier(label);
            QString key = base;
            for (int n = 2; used.contains(key); ++n)
                key = base + QString::number(n);
            used.insert(key);
            keys.append(key);
        }
        const QStringList sizes = source::choose(request.sizes, {QStringLiteral("sm"), QStringLiteral("md"), QStringLiteral("lg")},
                                                 {QStringLiteral("sm"), QStringLiteral("md")}, QStringLiteral("sizes"), notes);
        if (!request.variants.isEmpty())
            notes.append(QStringLiteral("variants do not apply to a table, left out: %1").arg(request.variants.join(QLatin1StringView(", "))));
        const int rowCount = qBound(1, request.count > 0 ? request.count : 3, maxRows);
        if (request.count <= 0)
            notes.append(QStringLiteral("sample data: 3 rows in the story"));

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("LOWER"), name.front().toLower() + name.mid(1));
        values.insert(QStringLiteral("SIZES"), source::literalUnion(sizes));
        values.insert(QStringLiteral("DEFAULT_SIZE"), sizes.contains(QLatin1StringView("md")) ? QStringLiteral("md") : sizes.front());
        values.insert(QStringLiteral("COLUMN_KEYS"), source::literalUnion(keys));

        QString rowFields, columns, sampleRows;
        for (qsizetype i = 0; i < keys.size(); ++i) {
            rowFields += QStringLiteral("  %1: string;\n").arg(keys[i]);
            columns += QStringLiteral("  { key: '%1', label: %2 },\n").arg(keys[i], source::stringLiteral(labels[i]));
        }
        for (int r = 1; r <= rowCount; ++r) {
            QString row = QStringLiteral("  { id: 'row-%1'").arg(r);
            for (qsizetype i = 0; i < keys.size(); ++i)
                row += QStringLiteral(", %1: %2").arg(keys[i], source::stringLiteral(labels[i] + QLatin1Char(' ') + QString::number(r)));
            sampleRows += row + QStringLiteral(" },\n");
        }
        values.insert(QStringLiteral("ROW_FIELDS"), rowFields);
        values.insert(QStringLiteral("COLUMNS"), columns);
        values.insert(QStringLiteral("SAMPLE_ROWS"), sampleRows);

        const QString caption = request.title.isEmpty() ? source::words(name) : request.title;
        values.insert(QStringLiteral("CAPTION"), source::stringLiteral(caption));

        QString extraProps, extraArgs, extraStories;
        QStringList exported;
        if (request.sortable) {
            values.insert(QStringLiteral("HOOKS"), QStringLiteral(", useMemo, useState"));
            values.insert(QStringLiteral("SORT_TYPES"),
                          source::fill(u"export type @NAME@SortDirection = 'ascending' | 'descending';\n"
                                       u"export interface @NAME@Sort {\n  key: @NAME@ColumnKey;\n  direction: @NAME@SortDirection;\n}\n",
                                       values));
            extraProps += source::fill(u"  /** Called when a header's sort button is pressed. */\n"
                                       u"  onSortChange?: (key: @NAME@ColumnKey, direction: @NAME@SortDirection) => void;\n",
                                       values);
            extraArgs += QStringLiteral(", onSortChange");
            values.insert(QStringLiteral("SORT_STATE"), source::fill(sortStateTemplate, values));
            values.insert(QStringLiteral("HEADER_CELL"), QString::fromUtf16(sortableHeader));
            values.insert(QStringLiteral("SHOWN"), QStringLiteral("shown"));
            exported << name + QStringLiteral("Sort") << name + QStringLiteral("SortDirection");
        } else {
            values.insert(QStringLiteral("HOOKS"), QString());
            values.insert(QStringLiteral("SORT_TYPES"), QString());
            values.insert(QStringLiteral("SORT_STATE"), QString());
            values.insert(QStringLiteral("HEADER_CELL"), QString::fromUtf16(plainHeader));
            values.insert(QStringLiteral("SHOWN"), QStringLiteral("rows"));
        }
        if (request.loading) {
            extraProps += QStringLiteral("  /** Rows are on their way: the table says so and is marked busy. */\n"
                                         "  loading?: boolean;\n  loadingText?: string;\n");
            extraArgs += QStringLiteral(", loading = false, loadingText = 'Loading\\u2026'");
            values.insert(QStringLiteral("BUSY"), QStringLiteral(" aria-busy={loading || undefined}"));
            values.insert(QStringLiteral("LOADING_ROW"), QString::fromUtf16(loadingRow));
            extraStories += source::fill(u"\nexport const Loading: Story = {\n  args: { caption: @CAPTION@, rows: [], loading: true },\n};\n", values);
        } else {
            values.insert(QStringLiteral("BUSY"), QString());
            values.insert(QStringLiteral("LOADING_ROW"), QString());
        }
        values.insert(QStringLiteral("EXTRA_PROPS"), extraProps);
        values.insert(QStringLiteral("EXTRA_ARGS"), extraArgs);
        values.insert(QStringLiteral("BODY"), source::fill(bodyTemplate, values));

        for (const QString &size : sizes) {
            if (size != values.value(QStringLiteral("DEFAULT_SIZE")))
                extraStories += QStringLiteral("\nexport const %1: Story = {\n  args: { caption: %2, rows: sampleRows, size: '%3' },\n};\n")
                                    .arg(size == QLatin1StringView("sm") ? QStringLiteral("Small") : QStringLiteral("Large"),
                                         values.value(QStringLiteral("CAPTION")), size);
        }
        values.insert(QStringLiteral("EXTRA_STORIES"), extraStories);

        QString sizeRules;
        for (const QString &size : sizes)
            sizeRules += sizeRule(size);
        values.insert(QStringLiteral("SIZE_RULES"), source::fill(sizeRules, values));

        ComponentSources sources;
        sources.tsx = source::fill(tsxTemplate, values);
        sources.css = source::fill(cssTemplate, values);
        sources.stories = source::fill(storiesTemplate, values);
        sources.exportedTypes = QStringList{name + QStringLiteral("Row"), name + QStringLiteral("Column"),
                                            name + QStringLiteral("ColumnKey"), name + QStringLiteral("Size")}
            + exported;
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.notes = notes;
        return component;
    }
};

} // namespace

std::unique_ptr<Expert> makeTableExpert()
{
    return std::make_unique<TableExpert>();
}

} // namespace helios::spark
