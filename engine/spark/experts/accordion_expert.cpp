// SPDX-License-Identifier: Apache-2.0
// An accordion (the WAI-ARIA pattern): each header is a button inside a heading with
// aria-expanded and aria-controls; each panel is role="region" labelled by its header;
// ArrowDown/ArrowUp/Home/End move between headers.
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/token_palette.h"

namespace helios::spark {

namespace {

constexpr int maxSections = 20;

constexpr char16_t tsxTemplate[] = uR"~~(import { forwardRef, useId, useRef, useState } from 'react';
import type { HTMLAttributes, KeyboardEvent, ReactNode } from 'react';
import styles from './@NAME@.module.css';

export interface @NAME@Item {
  id: string;
  title: string;
  content: ReactNode;
}

export interface @NAME@Props extends HTMLAttributes<HTMLDivElement> {
  items: @NAME@Item[];
  /** Lets several panels be open at once. */
  multiple?: boolean;
  /** Ids of the items open at first. */
  defaultOpen?: string[];
  /** The level of the headings the header buttons sit in. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}

/** Sections that open and close; the arrow keys, Home and End move between headers. */
export const @NAME@ = forwardRef<HTMLDivElement, @NAME@Props>(function @NAME@(
  { items, multiple = @MULTIPLE@, defaultOpen = [], headingLevel = 3, className, ...rest },
  ref,
) {
  const baseId = useId();
  const [open, setOpen] = useState<string[]>(defaultOpen);
  const headers = useRef<(HTMLButtonElement | null)[]>([]);
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

  const toggle = (id: string) =>
    setOpen((current) =>
      current.includes(id) ? current.filter((openId) => openId !== id) : multiple ? [...current, id] : [id],
    );
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = items.length - 1;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = index === last ? 0 : index + 1;
        break;
      case 'ArrowUp':
        next = index === 0 ? last : index - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      default:
        return;
    }
    event.preventDefault();
    headers.current[next]?.focus();
  };

  const classes = [styles.root, className].filter(Boolean).join(' ');
  return (
    <div ref={ref} className={classes} {...rest}>
      {items.map((item, index) => {
        const expanded = open.includes(item.id);
        const headerId = `${baseId}-header-${index}`;
        const panelId = `${baseId}-panel-${index}`;
        return (
          <div key={item.id} className={styles.item}>
            <Heading className={styles.heading}>
              <button
                ref={(node) => {
                  headers.current[index] = node;
                }}
                id={headerId}
                type="button"
                className={styles.trigger}
                aria-expanded={expanded}
                aria-controls={panelId}
                onClick={() => toggle(item.id)}
                onKeyDown={(event) => onKeyDown(event, index)}
              >
                <span>{item.title}</span>
                <span aria-hidden="true" className={styles.chevron}>
                  {expanded ? '\u2212' : '+'}
                </span>
              </button>
            </Heading>
            <div id={panelId} role="region" aria-labelledby={headerId} hidden={!expanded} className={styles.panel}>
              {item.content}
            </div>
          </div>
        );
      })}
    </div>
  );
});
)~~";

constexpr char16_t cssTemplate[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.root {
  border: @border-width@ solid @border@;
  border-radius: @radius-md@;
  background-color: @surface@;
  color: @text@;
  font-family: @font-family-body@;
}

.item + .item {
  border-top: @border-width@ solid @border@;
}

.heading {
  margin: 0;
  font-size: @font-size-md@;
}

.trigger {
  display: flex;
  width: 100%;
  align-items: center;
  justify-content: space-between;
  gap: @space-sm@;
  padding: @space-md@;
  border: 0;
  background: none;
  color: inherit;
  font: inherit;
  font-weight: @font-weight-bold@;
  text-align: start;
  cursor: pointer;
}

.trigger:hover {
  background-color: @surface-alt@;
}

.trigger:focus-visible {
  outline: @border-width@ solid @focus@;
  outline-offset: calc(@border-width@ * -2);
}

.chevron {
  color: @text-muted@;
}

.panel {
  padding: 0 @space-md@ @space-md@;
  color: @text-muted@;
  font-size: @font-size-md@;
}
)~~";

constexpr char16_t storiesTemplate[] = uR"~~(import type { ComponentProps } from 'react';
import { @NAME@ } from './@NAME@';
import type { @NAME@Item } from './@NAME@';

// Component Story Format: the default export describes the component, each named
// export is one story rendered from its args.
const meta = {
  title: 'Components/@NAME@',
  component: @NAME@,
};
export default meta;

type Story = { args: ComponentProps<typeof @NAME@> };

const sampleItems: @NAME@Item[] = [
@ITEMS@];

export const Closed: Story = {
  args: { items: sampleItems },
};

export const FirstOpen: Story = {
  args: { items: sampleItems, defaultOpen: [@FIRST_ID@] },
};
@EXTRA_STORIES@)~~";

class AccordionExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::Accordion; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        QStringList notes;
        const QString name = componentName(request, family());
        const QStringList titles = source::itemsOf(request, QStringLiteral("Section"), 3, maxSections, notes);
        if (!request.variants.isEmpty() || !request.sizes.isEmpty())
            notes.append(QStringLiteral("variants and sizes do not apply to an accordion, left out"));

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("MULTIPLE"), request.multiple ? QStringLiteral("true") : QStringLiteral("false"));
        QString items;
        QStringList ids;
        for (qsizetype i = 0; i < titles.size(); ++i) {
            const QString id = source::stringLiteral(QStringLiteral("%1-%2").arg(source::kebab(titles[i])).arg(i + 1));
            ids.append(id);
            const QString content = request.description.isEmpty() ? QStringLiteral("What to know about ") + titles[i] + QLatin1Char('.')
                                                                   : request.description;
            items += QStringLiteral("  { id: %1, title: %2, content: %3 },\n").arg(id, source::stringLiteral(titles[i]), source::stringLiteral(content));
        }
        values.insert(QStringLiteral("ITEMS"), items);
        values.insert(QStringLiteral("FIRST_ID"), ids.front());
        values.insert(QStringLiteral("EXTRA_STORIES"),
                      ids.size() > 1 ? QStringLiteral("\nexport const SeveralOpen: Story = {\n  args: { items: sampleItems, multiple: true, defaultOpen: [%1, %2] },\n};\n")
                                           .arg(ids[0], ids[1])
                                     : QString());

        ComponentSources sources;
        sources.tsx = source::fill(tsxTemplate, values);
        sources.css = source::fill(cssTemplate, values);
        sources.stories = source::fill(storiesTemplate, values);
        sources.exportedTypes = QStringList{name + QStringLiteral("Item")};
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.notes = notes;
        return component;
    }
};

} // namespace

std::unique_ptr<Expert> makeAccordionExpert()
{
    return std::make_unique<AccordionExpert>();
}

} // namespace helios::spark
