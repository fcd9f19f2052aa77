// SPDX-License-Identifier: Apache-2.0
// A list or a menu. A menu is the WAI-ARIA menu button pattern: a button with
// aria-haspopup/aria-expanded opening role="menu" with role="menuitem" entries, arrow
// keys, Home/End and Escape. A plain list (the prompt says "list", not "menu") is ul/li.
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/token_palette.h"

namespace helios::spark {

namespace {

constexpr int maxItems = 30;

constexpr char16_t menuTsx[] = uR"~~(import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import type { FocusEvent, HTMLAttributes, KeyboardEvent@NODE_TYPE@ } from 'react';
import styles from './@NAME@.module.css';

export interface @NAME@Item {
  id: string;
  label: string;
  disabled?: boolean;
@ICON_FIELD@}

export type @NAME@Size = @SIZES@;

export interface @NAME@Props extends Omit<HTMLAttributes<HTMLDivElement>, 'onSelect'> {
  /** The menu button's text. */
  label: string;
  items: @NAME@Item[];
  size?: @NAME@Size;
  onSelect?: (item: @NAME@Item) => void;
}

/** A menu button: Enter, Space or the arrow keys open it, Escape closes it. */
export const @NAME@ = forwardRef<HTMLDivElement, @NAME@Props>(function @NAME@(
  { label, items, size = '@DEFAULT_SIZE@', onSelect, className, ...rest },
  ref,
) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLLIElement | null)[]>([]);
  const id = useId();
  const buttonId = `${id}-button`;
  const menuId = `${id}-menu`;
  const enabled = items.flatMap((item, index) => (item.disabled ? [] : [index]));
  const first = enabled[0] ?? 0;
  const last = enabled[enabled.length - 1] ?? 0;

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  const openAt = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };
  const move = (step: number) => {
    if (enabled.length === 0) return;
    const position = enabled.indexOf(active);
    setActive(enabled[(position + step + enabled.length) % enabled.length]);
  };
  const choose = (item: @NAME@Item) => {
    if (item.disabled) return;
    onSelect?.(item);
    close(true);
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openAt(first);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(last);
    }
  };
  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        move(1);
        break;
      case 'ArrowUp':
        move(-1);
        break;
      case 'Home':
        setActive(first);
        break;
      case 'End':
        setActive(last);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Enter':
      case ' ': {
        const item = items[active];
        if (item) choose(item);
        break;
      }
      case 'Tab':
        close(false);
        return;
      default:
        return;
    }
    event.preventDefault();
  };
  // Focus leaving the whole widget closes the menu.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
  };

  const classes = [styles.root, styles[size], className].filter(Boolean).join(' ');
  return (
    <div ref={ref} className={classes} {...rest} onBlur={onBlur}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className={styles.button}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(first))}
        onKeyDown={onButtonKeyDown}
      >
        {label}
        <span aria-hidden="true" className={styles.chevron}>
          {'\u25BE'}
        </span>
      </button>
      {open ? (
        <ul id={menuId} role="menu" aria-labelledby={buttonId} className={styles.menu} onKeyDown={onMenuKeyDown}>
          {items.map((item, index) => (
            <li
              key={item.id}
              ref={(node) => {
                itemRefs.current[index] = node;
              }}
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              aria-disabled={item.disabled || undefined}
              className={styles.item}
              onClick={() => choose(item)}
              onMouseEnter={() => {
                if (!item.disabled) setActive(index);
              }}
            >
@ICON_SPAN@              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});
)~~";

constexpr char16_t listTsx[] = uR"~~(import { forwardRef } from 'react';
import type { HTMLAttributes@NODE_TYPE@ } from 'react';
import styles from './@NAME@.module.css';

export interface @NAME@Item {
  id: string;
  label: string;
  description?: string;
@ICON_FIELD@}

export type @NAME@Size = @SIZES@;

export interface @NAME@Props extends HTMLAttributes<HTMLUListElement> {
  items: @NAME@Item[];
  size?: @NAME@Size;
}

/** A list of entries; give it an aria-label when nothing nearby names it. */
export const @NAME@ = forwardRef<HTMLUListElement, @NAME@Props>(function @NAME@(
  { items, size = '@DEFAULT_SIZE@', className, ...rest },
  ref,
) {
  const classes = [styles.root, styles[size], className].filter(Boolean).join(' ');
  return (
    <ul ref={ref} className={classes} {...rest}>
      {items.map((item) => (
        <li key={item.id} className={styles.item}>
@ICON_SPAN@          <span className={styles.label}>{item.label}</span>
          {item.description ? <span className={styles.description}>{item.description}</span> : null}
        </li>
      ))}
    </ul>
  );
});
)~~";

constexpr char16_t cssCommon[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.root {
  position: relative;
  font-family: @font-family-body@;
  color: @text@;
}

.item {
  display: flex;
  align-items: center;
  gap: @space-sm@;
  padding: @space-sm@ @space-md@;
}

.icon {
  display: inline-flex;
  color: @text-muted@;
}

.sm .item {
  padding: @space-xs@ @space-sm@;
  font-size: @font-size-sm@;
}

.md .item {
  font-size: @font-size-md@;
}

.lg .item {
  padding: @space-md@ @space-lg@;
  font-size: @font-size-lg@;
}
)~~";

constexpr char16_t cssMenu[] = uR"~~(
.root {
  display: inline-block;
}

.button {
  display: inline-flex;
  align-items: center;
  gap: @space-xs@;
  padding: @space-sm@ @space-md@;
  border: @border-width@ solid @border@;
  border-radius: @radius-md@;
  background-color: @surface@;
  color: @text@;
  font: inherit;
  cursor: pointer;
}

.button:focus-visible,
.item:focus-visible {
  outline: @border-width@ solid @focus@;
  outline-offset: @border-width@;
}

.menu {
  position: absolute;
  z-index: 1;
  inset-inline-start: 0;
  min-width: 100%;
  margin: @space-xs@ 0 0;
  padding: @space-xs@ 0;
  list-style: none;
  border: @border-width@ solid @border@;
  border-radius: @radius-md@;
  background-color: @surface@;
  box-shadow: @shadow@;
}

.item {
  cursor: pointer;
  white-space: nowrap;
}

.item:hover,
.item:focus {
  background-color: @surface-alt@;
}

.item[aria-disabled='true'] {
  cursor: not-allowed;
  opacity: 0.5;
}
)~~";

constexpr char16_t cssList[] = uR"~~(
.root {
  margin: 0;
  padding: 0;
  list-style: none;
  border: @border-width@ solid @border@;
  border-radius: @radius-md@;
  background-color: @surface@;
}

.item + .item {
  border-top: @border-width@ solid @border@;
}

.label {
  flex: 1;
}

.description {
  color: @text-muted@;
  font-size: @font-size-sm@;
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
@SAMPLE_ITEMS@];

@STORIES@)~~";

class ListExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::List; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        QStringList notes;
        // A menu unless the prompt asks for a list and not a menu.
        const bool menu = source::mentions(request, {QLatin1StringView("menu"), QLatin1StringView("dropdown"),
                                                     QLatin1StringView("actions"), QLatin1StringView("context")})
            || !source::mentions(request, {QLatin1StringView("list")});
        const QString name = request.name.isEmpty() ? (menu ? QStringLiteral("Menu") : QStringLiteral("List")) : request.name;
        const QStringList labels = source::itemsOf(request, QStringLiteral("Item"), menu ? 3 : 4, maxItems, notes);
        const QStringList sizes = source::choose(request.sizes, {QStringLiteral("sm"), QStringLiteral("md"), QStringLiteral("lg")},
                                                 {QStringLiteral("md")}, QStringLiteral("sizes"), notes);
        if (!request.variants.isEmpty())
            notes.append(QStringLiteral("variants left out: %1").arg(request.variants.join(QLatin1StringView(", "))));

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("SIZES"), source::literalUnion(sizes));
        values.insert(QStringLiteral("DEFAULT_SIZE"), sizes.contains(QLatin1StringView("md")) ? QStringLiteral("md") : sizes.front());
        if (request.withIcon) {
            values.insert(QStringLiteral("NODE_TYPE"), QStringLiteral(", ReactNode"));
            values.insert(QStringLiteral("ICON_FIELD"), QStringLiteral("  /** Decorative: hidden from assistive technology. */\n  icon?: ReactNode;\n"));
            values.insert(QStringLiteral("ICON_SPAN"),
                          QStringLiteral("              {item.icon ? (\n                <span aria-hidden=\"true\" className={styles.icon}>\n"
                                         "                  {item.icon}\n                </span>\n              ) : null}\n"));
        } else {
            values.insert(QStringLiteral("NODE_TYPE"), QString());
            values.insert(QStringLiteral("ICON_FIELD"), QString());
            values.insert(QStringLiteral("ICON_SPAN"), QString());
        }

        QString sampleItems;
        for (qsizetype i = 0; i < labels.size(); ++i) {
            const QString id = source::stringLiteral(QStringLiteral("%1-%2").arg(source::kebab(labels[i])).arg(i + 1));
            QString extra;
            if (request.withIcon)
                extra = QStringLiteral(", icon: '\\u2022'");
            if (!menu && !request.description.isEmpty())
                extra += QStringLiteral(", description: ") + source::stringLiteral(request.description);
            if (menu && request.disabled && i == labels.size() - 1 && labels.size() > 1)
                extra += QStringLiteral(", disabled: true");
            sampleItems += QStringLiteral("  { id: %1, label: %2%3 },\n").arg(id, source::stringLiteral(labels[i]), extra);
        }
        values.insert(QStringLiteral("SAMPLE_ITEMS"), sampleItems);

        QString stories;
        if (menu) {
            const QString label = request.title.isEmpty() ? QStringLiteral("Actions") : request.title;
            if (request.title.isEmpty())
                notes.append(QStringLiteral("menu button text: Actions (default)"));
            stories = QStringLiteral("export const Default: Story = {\n  args: { label: %1, items: sampleItems },\n};\n")
                          .arg(source::stringLiteral(label));
            for (const QString &size : sizes) {
                if (size != values.value(QStringLiteral("DEFAULT_SIZE")))
                    stories += QStringLiteral("\nexport const %1: Story = {\n  args: { label: %2, items: sampleItems, size: '%3' },\n};\n")
                                   .arg(source::pascalIdentifier(size), source::stringLiteral(label), size);
            }
        } else {
            const QString label = request.title.isEmpty() ? source::words(name) : request.title;
            stories = QStringLiteral("export const Default: Story = {\n  args: { items: sampleItems, 'aria-label': %1 },\n};\n")
                          .arg(source::stringLiteral(label));
            for (const QString &size : sizes) {
                if (size != values.value(QStringLiteral("DEFAULT_SIZE")))
                    stories += QStringLiteral("\nexport const %1: Story = {\n  args: { items: sampleItems, size: '%3', 'aria-label': %2 },\n};\n")
                                   .arg(source::pascalIdentifier(size), source::stringLiteral(label), size);
            }
        }
        values.insert(QStringLiteral("STORIES"), stories);

        ComponentSources sources;
        sources.tsx = source::fill(menu ? menuTsx : listTsx, values);
        sources.css = source::fill(QString(QString::fromUtf16(cssCommon) + QString::fromUtf16(menu ? cssMenu : cssList)), values);
        sources.stories = source::fill(storiesTemplate, values);
        sources.exportedTypes = QStringList{name + QStringLiteral("Item"), name + QStringLiteral("Size")};
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.notes = notes;
        return component;
    }
};

} // namespace

std::unique_ptr<Expert> makeListExpert()
{
    return std::make_unique<ListExpert>();
}

} // namespace helios::spark
