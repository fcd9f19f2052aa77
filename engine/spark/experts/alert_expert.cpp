// SPDX-License-Identifier: Apache-2.0
// An alert or a toast. An alert is role="alert" (assertive: read at once); a toast, which
// the prompt names "toast", "snackbar" or "notification", is role="status" with
// aria-live="polite" and may hide itself after a while. Dismissible ones have a close
// button with an aria-label, and a toast also closes on Escape.
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/token_palette.h"

namespace helios::spark {

namespace {

constexpr char16_t tsxTemplate[] = uR"~~(import { forwardRef@HOOKS@, useState } from 'react';
import type { HTMLAttributes, ReactNode } from 'react';
import styles from './@NAME@.module.css';

export type @NAME@Tone = @TONES@;

export interface @NAME@Props extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  tone?: @NAME@Tone;
  /** A short heading, read before the message. */
  title?: string;
  children?: ReactNode;
  /** Shows a close button; called after the @WHAT@ hides. */
  onDismiss?: () => void;
  dismissible?: boolean;
  /** The close button's accessible name. */
  dismissLabel?: string;
@EXTRA_PROPS@}

const toneIcons: Record<@NAME@Tone, string> = {
@TONE_ICONS@};

/** @DOC@ */
export const @NAME@ = forwardRef<HTMLDivElement, @NAME@Props>(function @NAME@(
  { tone = '@DEFAULT_TONE@', title, children, onDismiss, dismissible = @DISMISSIBLE@, dismissLabel = 'Dismiss'@EXTRA_ARGS@, className, ...rest },
  ref,
) {
  const [open, setOpen] = useState(true);
  const dismiss = () => {
    setOpen(false);
    onDismiss?.();
  };
@EFFECTS@
  if (!open) return null;
  const classes = [styles.root, styles[tone], className].filter(Boolean).join(' ');
  return (
    <div ref={ref} @ROLE@ className={classes} {...rest}>
      <span aria-hidden="true" className={styles.icon}>
        {toneIcons[tone]}
      </span>
      <div className={styles.body}>
        {title ? <p className={styles.title}>{title}</p> : null}
        {children ? <div className={styles.message}>{children}</div> : null}
      </div>
      {dismissible ? (
        <button type="button" className={styles.dismiss} aria-label={dismissLabel} onClick={dismiss}>
          <span aria-hidden="true">{'\u00D7'}</span>
        </button>
      ) : null}
    </div>
  );
});
)~~";

constexpr char16_t toastEffects[] = uR"~~(  // A toast hides itself after `duration` milliseconds (0: stays) and on Escape.
  useEffect(() => {
    if (!open || duration <= 0) return undefined;
    const timer = window.setTimeout(dismiss, duration);
    return () => window.clearTimeout(timer);
  });
  useEffect(() => {
    if (!open || !dismissible) return undefined;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') dismiss();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  });
)~~";

constexpr char16_t cssTemplate[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.root {
  display: flex;
  align-items: flex-start;
  gap: @space-sm@;
  padding: @space-md@;
  border: @border-width@ solid @border@;
  border-inline-start-width: calc(@border-width@ * 4);
  border-radius: @radius-md@;
  background-color: @surface@;
  color: @text@;
  font-family: @font-family-body@;
  font-size: @font-size-md@;
@ROOT_EXTRA@}

.icon {
  flex: none;
  font-weight: @font-weight-bold@;
}

.body {
  flex: 1;
  min-width: 0;
}

.title {
  margin: 0;
  font-weight: @font-weight-bold@;
}

.message {
  margin-block-start: @space-xs@;
  color: @text-muted@;
}

.dismiss {
  flex: none;
  padding: @space-xs@;
  border: 0;
  border-radius: @radius-sm@;
  background: none;
  color: inherit;
  font: inherit;
  line-height: 1;
  cursor: pointer;
}

.dismiss:hover {
  background-color: @surface-alt@;
}

.dismiss:focus-visible {
  outline: @border-width@ solid @focus@;
  outline-offset: @border-width@;
}
@TONE_RULES@)~~";

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
@STORIES@)~~";

struct Tone {
    QLatin1StringView name;
    QLatin1StringView colour;   // palette key of the accent colour
    QLatin1StringView icon;     // a TS string escape
};

constexpr Tone tones[] = {
    {QLatin1StringView("info"), QLatin1StringView("primary"), QLatin1StringView("i")},
    {QLatin1StringView("success"), QLatin1StringView("success"), QLatin1StringView("\\u2713")},
    {QLatin1StringView("warning"), QLatin1StringView("warning"), QLatin1StringView("!")},
    {QLatin1StringView("danger"), QLatin1StringView("danger"), QLatin1StringView("\\u00D7")},
};

class AlertExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::Alert; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        QStringList notes;
        const bool toast = source::mentions(request, {QLatin1StringView("toast"), QLatin1StringView("snackbar"),
                                                      QLatin1StringView("notification")});
        const QString name = request.name.isEmpty() ? (toast ? QStringLiteral("Toast") : QStringLiteral("Alert")) : request.name;
        QStringList requested;
        for (const QString &variant : request.variants) {
            const QString lower = variant.toLower();
            requested.append(lower == QLatin1StringView("error") || lower == QLatin1StringView("destructive") ? QStringLiteral("danger")
                             : lower == QLatin1StringView("neutral") ? QStringLiteral("info")
                                                                     : lower);
        }
        QStringList known;
        for (const Tone &tone : tones)
            known.append(QString(tone.name));
        const QStringList chosen = source::choose(requested, known, known, QStringLiteral("tones"), notes);
        // Every tone exists in the type; the first asked-for one is the default.
        const QString defaultTone = chosen.front();

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("TONES"), source::literalUnion(known));
        values.insert(QStringLiteral("DEFAULT_TONE"), defaultTone);
        values.insert(QStringLiteral("WHAT"), toast ? QStringLiteral("toast") : QStringLiteral("alert"));
        const bool dismissible = request.dismissible || toast;
        values.insert(QStringLiteral("DISMISSIBLE"), dismissible ? QStringLiteral("true") : QStringLiteral("false"));
        QString icons, toneRules;
        for (const Tone &tone : tones) {
            icons += QStringLiteral("  %1: '%2',\n").arg(tone.name, tone.icon);
            toneRules += QStringLiteral("\n.%1 {\n  border-color: @%2@;\n}\n\n.%1 .icon {\n  color: @%2@;\n}\n").arg(tone.name, tone.colour);
        }
        values.insert(QStringLiteral("TONE_ICONS"), icons);
        values.insert(QStringLiteral("TONE_RULES"), source::fill(toneRules, values));
        if (toast) {
            values.insert(QStringLiteral("ROLE"), QStringLiteral("role=\"status\" aria-live=\"polite\" aria-atomic=\"true\""));
            values.insert(QStringLiteral("DOC"), QStringLiteral("A toast: announced politely, hides after `duration` ms or on Escape."));
            values.insert(QStringLiteral("EXTRA_PROPS"), QStringLiteral("  /** Milliseconds before it hides itself; 0 keeps it. */\n  duration?: number;\n"));
            values.insert(QStringLiteral("EXTRA_ARGS"), QStringLiteral(", duration = 5000"));
            values.insert(QStringLiteral("EFFECTS"), QString::fromUtf16(toastEffects));
            values.insert(QStringLiteral("HOOKS"), QStringLiteral(", useEffect"));
            values.insert(QStringLiteral("ROOT_EXTRA"), source::fill(u"  box-shadow: @shadow@;\n  max-width: 100%;\n", values));
        } else {
            values.insert(QStringLiteral("ROLE"), QStringLiteral("role=\"alert\""));
            values.insert(QStringLiteral("DOC"), QStringLiteral("An alert: read out at once by screen readers (role=\"alert\")."));
            values.insert(QStringLiteral("EXTRA_PROPS"), QString());
            values.insert(QStringLiteral("EXTRA_ARGS"), QString());
            values.insert(QStringLiteral("EFFECTS"), QString());
            values.insert(QStringLiteral("HOOKS"), QString());
            values.insert(QStringLiteral("ROOT_EXTRA"), QString());
        }

        QString title = request.title;
        QString message = request.description;
        if (title.isEmpty() && !request.labels.isEmpty())
            title = request.labels.front();
        if (message.isEmpty() && request.labels.size() > 1)
            message = request.labels.at(1);
        if (title.isEmpty() && message.isEmpty()) {
            title = toast ? QStringLiteral("Changes saved") : QStringLiteral("Something needs your attention");
            message = QStringLiteral("This is where the details go.");
            notes.append(QStringLiteral("no text given: a sample title and message in the stories"));
        }
        // Stories: the default tone first, then the other asked-for tones.
        QString stories;
        for (const QString &tone : chosen) {
            QString args = QStringLiteral("tone: '%1'").arg(tone);
            if (!title.isEmpty())
                args += QStringLiteral(", title: ") + source::stringLiteral(title);
            if (!message.isEmpty())
                args += QStringLiteral(", children: ") + source::stringLiteral(message);
            if (dismissible)
                args += QStringLiteral(", dismissible: true");
            if (toast)
                args += QStringLiteral(", duration: 0");
            stories += QStringLiteral("\nexport const %1: Story = {\n  args: { %2 },\n};\n").arg(source::pascalIdentifier(tone), args);
        }
        values.insert(QStringLiteral("STORIES"), stories);

        ComponentSources sources;
        sources.tsx = source::fill(tsxTemplate, values);
        sources.css = source::fill(cssTemplate, values);
        sources.stories = source::fill(storiesTemplate, values);
        sources.exportedTypes = QStringList{name + QStringLiteral("Tone")};
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.notes = notes;
        return component;
    }
};

} // namespace

std::unique_ptr<Expert> makeAlertExpert()
{
    return std::make_unique<AlertExpert>();
}

} // namespace helios::spark
