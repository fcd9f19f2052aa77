// SPDX-License-Identifier: Apache-2.0
// A modal dialog, as the WAI-ARIA dialog pattern: role dialog with aria-modal, named by
// its heading (aria-labelledby) and described by its text; focus moves into it on open,
// Tab and Shift+Tab stay inside, Escape closes, and focus returns to where it was.
// Its buttons (and any fields the prompt asks for) are composed from their experts.
#include "spark/experts/component_files.h"
#include "spark/experts/composed_parts.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/experts/story_format.h"
#include "spark/token_palette.h"

namespace helios::spark {

namespace {

constexpr char16_t tsxTemplate[] = uR"~~(import { forwardRef, useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
@IMPORTS@import styles from './@NAME@.module.css';

export type @NAME@Size = @SIZES@;

export interface @NAME@Props {
  /** Shown while true; focus returns to where it was when it closes. */
  open: boolean;
  /** Called on Escape, a click on the backdrop@CLOSE_DOC@. */
  onClose: () => void;
  /** Called with the label of the action pressed. */
  onAction?: (action: string) => void;
  /** The dialog's heading: also its accessible name. */
  title?: string;
  description?: string;
  size?: @NAME@Size;
  children?: ReactNode;
  className?: string;
}

const focusable = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** A modal dialog whose colours, spacing and type come from the design tokens. */
export const @NAME@ = forwardRef<HTMLDivElement, @NAME@Props>(function @NAME@(
  { open, onClose, onAction, title = @TITLE@, description = @DESCRIPTION@, size = '@DEFAULT_SIZE@', children, className },
  ref,
) {
  const titleId = useId();
  const descriptionId = useId();
  const panel = useRef<HTMLDivElement | null>(null);
  const setPanel = (node: HTMLDivElement | null) => {
    panel.current = node;
    if (typeof ref === 'function') ref(node);
    else if (ref) ref.current = node;
  };
  useEffect(() => {
    if (!open) return undefined;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = panel.current?.querySelector<HTMLElement>(focusable);
    (first ?? panel.current)?.focus();
    return () => previous?.focus();
  }, [open]);
  if (!open) return null;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const items = Array.from(panel.current.querySelectorAll<HTMLElement>(focusable));
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };
  const classes = [styles.dialog, styles[size], className].filter(Boolean).join(' ');
  return (
    <div
      className={styles.backdrop}
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={setPanel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        className={classes}
        onKeyDown={onKeyDown}
      >
        <div className={styles.header}>
          <h2 id={titleId} className={styles.title}>
            {title}
          </h2>
@CLOSE@        </div>
        {description && (
          <p id={descriptionId} className={styles.description}>
            {description}
          </p>
        )}
@FIELDS@        {children}
        <div className={styles.actions}>
@ACTIONS@        </div>
      </div>
    </div>
  );
});
)~~";

constexpr char16_t closeTemplate[] = uR"~~(          <button type="button" className={styles.close} aria-label="Close" onClick={onClose}>
            <span aria-hidden="true">{'\u00D7'}</span>
          </button>
)~~";

constexpr char16_t cssTemplate[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.backdrop {
  position: fixed;
  inset: 0;
  z-index: 10;
  display: grid;
  place-items: center;
  padding: @space-lg@;
  background-color: color-mix(in srgb, @overlay@ 50%, transparent);
}

.dialog {
  display: flex;
  flex-direction: column;
  gap: @space-md@;
  inline-size: 100%;
  max-block-size: 90vh;
  overflow: auto;
  padding: @space-xl@;
  border: @border-width@ solid @border@;
  border-radius: @radius-md@;
  background-color: @surface@;
  box-shadow: @shadow@;
  font-family: @font-family-body@;
  color: @text@;
}

.dialog:focus-visible {
  outline: medium solid @focus@;
}

.header {
  display: flex;
  align-items: flex-start;
  justify-content: space-between;
  gap: @space-md@;
}

.title {
  margin: 0;
  font-family: @font-family-heading@;
  font-size: @font-size-xl@;
  font-weight: @font-weight-bold@;
}

.description {
  margin: 0;
  color: @text-muted@;
}

.close {
  padding: @space-xs@;
  border: 0;
  border-radius: @radius-sm@;
  background: none;
  font-size: @font-size-lg@;
  line-height: 1;
  color: @text-muted@;
  cursor: pointer;
}

.close:hover {
  background-color: @surface-alt@;
}

.close:focus-visible {
  outline: medium solid @focus@;
}

.actions {
  display: flex;
  flex-wrap: wrap;
  justify-content: flex-end;
  gap: @space-sm@;
}
@SIZE_RULES@)~~";

// Widths as multiples of the largest spacing token, so no raw length is needed.
QString sizeRule(const QString &size)
{
    const int factor = size == QLatin1StringView("sm") ? 12 : size == QLatin1StringView("lg") ? 28 : 18;
    return QStringLiteral("\n.%1 {\n  max-inline-size: calc(@space-xl@ * %2);\n}\n").arg(size).arg(factor);
}

class DialogExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::Dialog; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        const QString name = componentName(request, family());
        QStringList notes;
        const QStringList sizes = source::choose(request.sizes, {QStringLiteral("sm"), QStringLiteral("md"), QStringLiteral("lg")},
                                                 {QStringLiteral("md")}, QStringLiteral("sizes"), notes);
        QString title = request.title;
        if (title.isEmpty()) {
            title = request.name.isEmpty() ? QStringLiteral("Are you sure?") : source::words(request.name);
            notes.append(QStringLiteral("no title given: \"%1\"").arg(title));
        }
        QString description = request.description;
        if (description.isEmpty() && !request.labels.isEmpty() && request.parts.isEmpty())
            description = request.labels.front();
        if (!request.variants.isEmpty())
            notes.append(QStringLiteral("variants do not apply to a dialog, left out: %1").arg(request.variants.join(QLatin1StringView(", "))));

        // A dialog always has actions: two buttons unless the prompt says otherwise.
        const source::ComposedParts parts = source::composeParts(
            request.parts, {ExpertFamily::Button, ExpertFamily::TextField, ExpertFamily::Select, ExpertFamily::Choice}, name, context, notes,
            ExpertFamily::Button, 2);

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("SIZES"), source::literalUnion(sizes));
        values.insert(QStringLiteral("DEFAULT_SIZE"), sizes.contains(QLatin1StringView("md")) ? QStringLiteral("md") : sizes.front());
        values.insert(QStringLiteral("TITLE"), source::stringLiteral(title));
        values.insert(QStringLiteral("DESCRIPTION"), description.isEmpty() ? QStringLiteral("undefined") : source::stringLiteral(description));
        values.insert(QStringLiteral("IMPORTS"), parts.imports);
        values.insert(QStringLiteral("CLOSE"), request.dismissible ? QString::fromUtf16(closeTemplate) : QString());
        values.insert(QStringLiteral("CLOSE_DOC"), request.dismissible ? QStringLiteral(", the close button") : QString());

        QString fields, actions;
        for (const source::PartUse &use : parts.uses) {
            if (use.family == ExpertFamily::Button) {
                // The last button of several dismisses ("Cancel"); the others report their action.
                for (int i = 0; i < use.labels.size(); ++i) {
                    const bool cancel = use.labels.size() > 1 && i == use.labels.size() - 1;
                    const QString handler = cancel ? QStringLiteral("onClick={onClose}")
                                                   : QStringLiteral("onClick={() => onAction?.(%1)}").arg(source::stringLiteral(use.labels[i]));
                    actions += QStringLiteral("          ") + source::partElement(use, i, handler) + QLatin1Char('\n');
                }
            } else {
                for (int i = 0; i < use.labels.size(); ++i)
                    fields += QStringLiteral("        ") + source::partElement(use, i) + QLatin1Char('\n');
            }
        }
        values.insert(QStringLiteral("FIELDS"), fields);
        values.insert(QStringLiteral("ACTIONS"), actions);
        QString sizeRules;
        for (const QString &size : sizes)
            sizeRules += sizeRule(size);
        values.insert(QStringLiteral("SIZE_RULES"), source::fill(sizeRules, values));

        ComponentSources sources;
        sources.tsx = source::fill(tsxTemplate, values);
        sources.css = source::fill(cssTemplate, values);
        if (!asPart) {
            // Stories render the dialog open: a closed one renders nothing.
            const QString open = QStringLiteral("open: true, onClose: () => {}");
            QString out = source::storiesHeader(name);
            out += source::story(QStringLiteral("Open"), open);
            if (description.isEmpty())
                out += source::story(QStringLiteral("WithDescription"), open + QStringLiteral(", description: 'This cannot be undone.'"));
            out += source::sizeStories(sizes, values.value(QStringLiteral("DEFAULT_SIZE")), open + QStringLiteral(", "));
            sources.stories = out;
        }
        sources.exportedTypes = QStringList{name + QStringLiteral("Size")};
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.files += parts.files;
        component.composedParts = parts.names;
        component.notes = notes;
        return component;
    }
};

} // namespace

std::unique_ptr<Expert> makeDialogExpert()
{
    return std::make_unique<DialogExpert>();
}

} // namespace helios::spark
