// SPDX-License-Identifier: Apache-2.0
// A tooltip (the WAI-ARIA pattern): role="tooltip" text that describes its trigger
// through aria-describedby, shown on hover (after a delay) and on keyboard focus
// (at once), hidden on leave, blur and Escape.
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/token_palette.h"

namespace helios::spark {

namespace {

constexpr char16_t tsxTemplate[] = uR"~~(import { cloneElement, forwardRef, useEffect, useId, useRef, useState } from 'react';
import type { ReactElement, ReactNode } from 'react';
import styles from './@NAME@.module.css';

export type @NAME@Placement = 'top' | 'bottom' | 'start' | 'end';

export interface @NAME@Props {
  /** The tooltip's text: a description of the trigger, not its name. */
  content: ReactNode;
  /** The trigger: one focusable element, such as a button. */
  children: ReactElement<{ 'aria-describedby'?: string }>;
  placement?: @NAME@Placement;
  /** Milliseconds of hovering before it shows; focus shows it at once. */
  delay?: number;
  className?: string;
}

/** Describes its trigger on hover and focus; Escape hides it. */
export const @NAME@ = forwardRef<HTMLSpanElement, @NAME@Props>(function @NAME@(
  { content, children, placement = '@PLACEMENT@', delay = 300, className },
  ref,
) {
  const id = useId();
  const [visible, setVisible] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const show = (immediately: boolean) => {
    window.clearTimeout(timer.current);
    if (immediately) setVisible(true);
    else timer.current = window.setTimeout(() => setVisible(true), delay);
  };
  const hide = () => {
    window.clearTimeout(timer.current);
    setVisible(false);
  };

  useEffect(() => {
    if (!visible) return undefined;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') hide();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [visible]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const describedBy = [children.props['aria-describedby'], id].filter(Boolean).join(' ');
  const classes = [styles.root, className].filter(Boolean).join(' ');
  return (
    <span
      ref={ref}
      className={classes}
      onMouseEnter={() => show(false)}
      onMouseLeave={hide}
      onFocus={() => show(true)}
      onBlur={hide}
    >
      {cloneElement(children, { 'aria-describedby': describedBy })}
      <span id={id} role="tooltip" className={[styles.tooltip, styles[placement]].join(' ')} hidden={!visible}>
        {content}
      </span>
    </span>
  );
});
)~~";

constexpr char16_t cssTemplate[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.root {
  position: relative;
  display: inline-flex;
}

.tooltip {
  position: absolute;
  z-index: 1;
  width: max-content;
  max-width: calc(@space-xl@ * 10);
  padding: @space-xs@ @space-sm@;
  border-radius: @radius-sm@;
  background-color: @text@;
  color: @surface@;
  font-family: @font-family-body@;
  font-size: @font-size-sm@;
  box-shadow: @shadow@;
  pointer-events: none;
}

.tooltip[hidden] {
  display: none;
}

.top {
  bottom: 100%;
  left: 50%;
  transform: translateX(-50%);
  margin-bottom: @space-xs@;
}

.bottom {
  top: 100%;
  left: 50%;
  transform: translateX(-50%);
  margin-top: @space-xs@;
}

.start {
  right: 100%;
  top: 50%;
  transform: translateY(-50%);
  margin-right: @space-xs@;
}

.end {
  left: 100%;
  top: 50%;
  transform: translateY(-50%);
  margin-left: @space-xs@;
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

export const OnAButton: Story = {
  args: { content: @TEXT@, children: <button type="button">@TRIGGER@</button> },
};

export const Below: Story = {
  args: { content: @TEXT@, placement: 'bottom', children: <button type="button">@TRIGGER@</button> },
};
)~~";

class TooltipExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::Tooltip; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        QStringList notes;
        const QString name = componentName(request, family());
        QString trigger = request.labels.value(0, source::subjectLabel(request));
        QString text = request.description.isEmpty() ? request.labels.value(1, request.title) : request.description;
        if (trigger.isEmpty()) {
            trigger = QStringLiteral("Save");
            notes.append(QStringLiteral("no trigger named: a Save button in the stories"));
        }
        if (text.isEmpty()) {
            text = QStringLiteral("More about ") + trigger;
            notes.append(QStringLiteral("no tooltip text given: a sample in the stories"));
        }
        if (!request.variants.isEmpty() || !request.sizes.isEmpty())
            notes.append(QStringLiteral("variants and sizes do not apply to a tooltip, left out"));
        const bool below = source::mentions(request, {QLatin1StringView("below"), QLatin1StringView("bottom"), QLatin1StringView("under")});

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("PLACEMENT"), below ? QStringLiteral("bottom") : QStringLiteral("top"));
        values.insert(QStringLiteral("TEXT"), source::stringLiteral(text));
        values.insert(QStringLiteral("TRIGGER"), source::jsxText(trigger));

        ComponentSources sources;
        sources.tsx = source::fill(tsxTemplate, values);
        sources.css = source::fill(cssTemplate, values);
        sources.stories = source::fill(storiesTemplate, values);
        sources.exportedTypes = QStringList{name + QStringLiteral("Placement")};
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.notes = notes;
        return component;
    }
};

} // namespace

std::unique_ptr<Expert> makeTooltipExpert()
{
    return std::make_unique<TooltipExpert>();
}

} // namespace helios::spark
