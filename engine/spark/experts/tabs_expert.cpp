// SPDX-License-Identifier: Apache-2.0
// Tabs, as the WAI-ARIA tabs pattern: a tablist named by aria-label, tabs that are
// buttons with role tab, aria-selected and aria-controls, a roving tabindex so Tab enters
// the list once, arrow keys (wrapping), Home and End moving and activating, and tabpanels
// labelled by their tab, focusable so their content is reachable.
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/experts/story_format.h"
#include "spark/token_palette.h"

#include <QSet>

namespace helios::spark {

namespace {

constexpr char16_t tsxTemplate[] = uR"~~(import { forwardRef, useId, useRef, useState } from 'react';
import type { HTMLAttributes, KeyboardEvent, ReactNode } from 'react';
import styles from './@NAME@.module.css';

export interface @NAME@Item {
  id: string;
  label: string;
  content: ReactNode;
}

export const @LOWER@Items: @NAME@Item[] = [
@ITEMS@];

export type @NAME@Size = @SIZES@;

export interface @NAME@Props extends Omit<HTMLAttributes<HTMLDivElement>, 'onChange'> {
  /** Names the tab list for screen readers. */
  label?: string;
  tabs?: @NAME@Item[];
  /** The id of the tab shown first; the first tab when not given. */
  defaultTab?: string;
  onChange?: (id: string) => void;
  size?: @NAME@Size;
}

/** Tabs (WAI-ARIA tabs pattern) whose colours, spacing and type come from the design tokens. */
export const @NAME@ = forwardRef<HTMLDivElement, @NAME@Props>(function @NAME@(
  { label = @LABEL@, tabs = @LOWER@Items, defaultTab, onChange, size = '@DEFAULT_SIZE@', className, ...rest },
  ref,
) {
  const baseId = useId();
  const [selected, setSelected] = useState(defaultTab ?? tabs[0]?.id);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const select = (index: number) => {
    const tab = tabs[index];
    if (!tab) return;
    setSelected(tab.id);
    tabRefs.current[index]?.focus();
    onChange?.(tab.id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    let next = -1;
    if (event.key === 'ArrowRight') next = index === last ? 0 : index + 1;
    else if (event.key === 'ArrowLeft') next = index === 0 ? last : index - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    if (next < 0) return;
    event.preventDefault();
    select(next);
  };
  const classes = [styles.root, styles[size], className].filter(Boolean).join(' ');
  return (
    <div ref={ref} className={classes} {...rest}>
      <div role="tablist" aria-label={label} className={styles.list}>
        {tabs.map((tab, index) => {
          const active = tab.id === selected;
          return (
            <button
              key={tab.id}
              ref={(node) => {
                tabRefs.current[index] = node;
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${tab.id}`}
              aria-selected={active}
              aria-controls={`${baseId}-panel-${tab.id}`}
              tabIndex={active ? 0 : -1}
              className={styles.tab}
              onClick={() => select(index)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${baseId}-panel-${tab.id}`}
          aria-labelledby={`${baseId}-tab-${tab.id}`}
          tabIndex={0}
          hidden={tab.id !== selected}
          className={styles.panel}
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
});
)~~";

constexpr char16_t cssTemplate[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.root {
  display: flex;
  flex-direction: column;
  font-family: @font-family-body@;
  color: @text@;
}

.list {
  display: flex;
  gap: @space-xs@;
  border-block-end: @border-width@ solid @border@;
}

.tab {
  border: 0;
  border-block-end: medium solid transparent;
  background: none;
  font: inherit;
  font-weight: @font-weight-bold@;
  color: @text-muted@;
  cursor: pointer;
  transition: color @duration-fast@, border-color @duration-fast@;
}

.tab:hover {
  color: @text@;
}

.tab[aria-selected='true'] {
  color: @primary@;
  border-block-end-color: @primary@;
}

.tab:focus-visible,
.panel:focus-visible {
  outline: medium solid @focus@;
  outline-offset: @space-xs@;
  border-radius: @radius-sm@;
}

.panel {
  padding-block: @space-md@;
}
@SIZE_RULES@)~~";

QString sizeRule(const QString &size)
{
    if (size == QLatin1StringView("sm"))
        return QStringLiteral("\n.sm .tab {\n  padding: @space-xs@ @space-sm@;\n  font-size: @font-size-sm@;\n}\n");
    if (size == QLatin1StringView("lg"))
        return QStringLiteral("\n.lg .tab {\n  padding: @space-md@ @space-lg@;\n  font-size: @font-size-lg@;\n}\n");
    return QStringLiteral("\n.md .tab {\n  padding: @space-sm@ @space-md@;\n  font-size: @font-size-md@;\n}\n");
}

class TabsExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::Tabs; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        const QString name = componentName(request, family());
        QStringList notes;
        const QStringList sizes = source::choose(request.sizes, {QStringLiteral("sm"), QStringLiteral("md"), QStringLiteral("lg")},
                                                 {QStringLiteral("md")}, QStringLiteral("sizes"), notes);
        const QStringList labels = source::itemsOf(request, QStringLiteral("Tab"), 3, 12, notes);
        QString label = request.title;
        if (label.isEmpty()) {
            label = request.name.isEmpty() ? QStringLiteral("Sections") : source::words(request.name);
            notes.append(QStringLiteral("no label given for the tab list: \"%1\"").arg(label));
        }
        if (!request.variants.isEmpty())
            notes.append(QStringLiteral("variants do not apply to tabs, left out: %1").arg(request.variants.join(QLatin1StringView(", "))));

        // Ids are kebab-case words made unique; they also build the tabs' and panels' ids.
        QString items;
        QSet<QString> used;
        QStringList ids;
        for (const QString &tab : labels) {
            const QString base = source::kebab(tab);
            QString id = base;
            for (int n = 2; used.contains(id); ++n)
                id = base + QLatin1Char('-') + QString::number(n);
            used.insert(id);
            ids.append(id);
            items += QStringLiteral("  { id: %1, label: %2, content: %3 },\n")
                         .arg(source::stringLiteral(id), source::stringLiteral(tab), source::stringLiteral(tab + QStringLiteral(" content")));
        }

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("LOWER"), source::camelIdentifier(name));
        values.insert(QStringLiteral("SIZES"), source::literalUnion(sizes));
        values.insert(QStringLiteral("DEFAULT_SIZE"), sizes.contains(QLatin1StringView("md")) ? QStringLiteral("md") : sizes.front());
        values.insert(QStringLiteral("LABEL"), source::stringLiteral(label));
        values.insert(QStringLiteral("ITEMS"), items);
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
            if (labels.size() > 1)
                out += source::story(QStringLiteral("SecondTabOpen"),
                                     QStringLiteral("defaultTab: %1").arg(source::stringLiteral(ids[1])));
            out += source::sizeStories(sizes, values.value(QStringLiteral("DEFAULT_SIZE")));
            sources.stories = out;
        }
        sources.exportedTypes = QStringList{name + QStringLiteral("Item"), name + QStringLiteral("Size")};
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.notes = notes;
        return component;
    }
};

} // namespace

std::unique_ptr<Expert> makeTabsExpert()
{
    return std::make_unique<TabsExpert>();
}

} // namespace helios::spark
