// SPDX-License-Identifier: Apache-2.0
// A hero or a page section: <section aria-labelledby> its heading, a text, calls to action
// and, when asked, a picture. The calls to action are the button expert's Button,
// composed into this component's folder and imported as ./Button.
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/token_palette.h"

namespace helios::spark {

namespace {

constexpr int maxActions = 4;

constexpr char16_t tsxTemplate[] = uR"~~(import { forwardRef, useId } from 'react';
import type { HTMLAttributes } from 'react';
import { Button } from './Button';
import styles from './@NAME@.module.css';

export interface @NAME@Action {
  label: string;
  onClick?: () => void;
}
@IMAGE_TYPE@
export interface @NAME@Props extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** The section's heading; it also names the section for assistive technology. */
  title: string;
  description?: string;
  /** Calls to action, the main one first. */
  actions?: @NAME@Action[];
  /** h1 for the page's hero, h2 for a section further down. */
  headingLevel?: 1 | 2 | 3;
@IMAGE_PROP@}

/** @DOC@ */
export const @NAME@ = forwardRef<HTMLElement, @NAME@Props>(function @NAME@(
  { title, description, actions = [], headingLevel = @LEVEL@@IMAGE_ARG@, className, ...rest },
  ref,
) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as 'h1' | 'h2' | 'h3';
  const classes = [styles.root, className].filter(Boolean).join(' ');
  return (
    <section ref={ref} aria-labelledby={headingId} className={classes} {...rest}>
      <div className={styles.content}>
        <Heading id={headingId} className={styles.title}>
          {title}
        </Heading>
        {description ? <p className={styles.description}>{description}</p> : null}
        {actions.length > 0 ? (
          <div className={styles.actions}>
            {actions.map((action, index) => (
              <Button key={index} type="button"@VARIANT_ATTR@ onClick={action.onClick}>
                {action.label}
              </Button>
            ))}
          </div>
        ) : null}
      </div>
@IMAGE_JSX@    </section>
  );
});
)~~";

constexpr char16_t cssTemplate[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.root {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: @space-xl@;
  padding: calc(@space-xl@ * 2) @space-xl@;
  background-color: @surface-alt@;
  color: @text@;
  font-family: @font-family-body@;
}

.content {
  display: flex;
  flex: 1 1 0;
  flex-direction: column;
  gap: @space-md@;
  min-width: min(100%, calc(@space-xl@ * 12));
}

.title {
  margin: 0;
  font-family: @font-family-heading@;
  font-size: @font-size-xl@;
  font-weight: @font-weight-bold@;
  line-height: 1.2;
}

.description {
  margin: 0;
  max-width: 60ch;
  color: @text-muted@;
  font-size: @font-size-lg@;
}

.actions {
  display: flex;
  flex-wrap: wrap;
  gap: @space-sm@;
}

.image {
  flex: 1 1 0;
  min-width: min(100%, calc(@space-xl@ * 10));
  max-width: 100%;
  height: auto;
  border-radius: @radius-md@;
  object-fit: cover;
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

export const Default: Story = {
  args: {
    title: @TITLE@,
    description: @DESCRIPTION@,
    actions: [@ACTIONS@],
@IMAGE_ARGS@  },
};

export const HeadingOnly: Story = {
  args: { title: @TITLE@ },
};
)~~";

// A picture without any colour in it: the token lint reads stories too.
constexpr QLatin1StringView samplePicture(
    "data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27 viewBox=%270 0 4 3%27%3E%3Crect width=%274%27 height=%273%27/%3E%3C/svg%3E");

class HeroExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::Hero; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        QStringList notes;
        const bool section = source::mentions(request, {QLatin1StringView("section")})
            && !source::mentions(request, {QLatin1StringView("hero"), QLatin1StringView("banner")});
        const QString name = request.name.isEmpty() ? (section ? QStringLiteral("Section") : QStringLiteral("Hero")) : request.name;

        // The calls to action: a button part the prompt asked for, else the labels, else two defaults.
        ComposedPart buttons{ExpertFamily::Button, 0, {}};
        for (const ComposedPart &part : request.parts) {
            if (part.family == ExpertFamily::Button) {
                buttons = part;
                break;
            }
            notes.append(QStringLiteral("a %1 part is not composed into a hero; left out").arg(familyInfo(part.family).id));
        }
        QStringList actions = buttons.labels;
        if (actions.isEmpty())
            actions = request.labels;
        const int wanted = qBound(0, buttons.count > 0 ? buttons.count : actions.size(), maxActions);
        if (actions.isEmpty() && wanted == 0) {
            actions = {QStringLiteral("Get started"), QStringLiteral("Learn more")};
            notes.append(QStringLiteral("no call-to-action named: two default buttons (Get started, Learn more)"));
        }
        while (actions.size() < wanted)
            actions.append(QStringLiteral("Action %1").arg(actions.size() + 1));
        if (actions.size() > maxActions) {
            notes.append(QStringLiteral("%1 calls to action named; the first %2 kept").arg(actions.size()).arg(maxActions));
            actions = actions.mid(0, maxActions);
        }
        buttons.count = int(actions.size());
        buttons.labels = actions;
        const GeneratedComponent button = context.composePart(buttons, QStringLiteral("Button"), name);
        // Use the Button's variants when it has primary and secondary ones.
        QString buttonTsx;
        for (const GeneratedFile &file : button.files) {
            if (file.path.endsWith(QLatin1StringView(".tsx")))
                buttonTsx = QString::fromUtf8(file.content);
        }
        const bool variants = buttonTsx.contains(QLatin1StringView("variant?:")) && buttonTsx.contains(QLatin1StringView("'primary'"))
            && buttonTsx.contains(QLatin1StringView("'secondary'"));

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("LEVEL"), section ? QStringLiteral("2") : QStringLiteral("1"));
        values.insert(QStringLiteral("DOC"), section ? QStringLiteral("A page section named by its heading, with its calls to action.")
                                                     : QStringLiteral("The page's hero: its main heading, a short text and the calls to action."));
        values.insert(QStringLiteral("VARIANT_ATTR"),
                      variants ? QStringLiteral(" variant={index === 0 ? 'primary' : 'secondary'}") : QString());
        QString title = request.title;
        if (title.isEmpty()) {
            title = section ? source::words(name) : QStringLiteral("Build something people love");
            notes.append(QStringLiteral("no title given: \"%1\" in the stories").arg(title));
        }
        const QString description = request.description.isEmpty()
            ? QStringLiteral("A short sentence that says what this is and why it matters.")
            : request.description;
        values.insert(QStringLiteral("TITLE"), source::stringLiteral(title));
        values.insert(QStringLiteral("DESCRIPTION"), source::stringLiteral(description));
        QStringList actionArgs;
        for (const QString &action : actions)
            actionArgs.append(QStringLiteral("{ label: %1 }").arg(source::stringLiteral(action)));
        values.insert(QStringLiteral("ACTIONS"), actionArgs.join(QLatin1StringView(", ")));
        if (request.withImage) {
            values.insert(QStringLiteral("IMAGE_TYPE"), source::fill(u"\n/** A picture beside the text; alt is required (\"\" only when it is decorative). */\n"
                                                                    u"export interface @NAME@Image {\n  src: string;\n  alt: string;\n}\n", values));
            values.insert(QStringLiteral("IMAGE_PROP"), source::fill(u"  image?: @NAME@Image;\n", values));
            values.insert(QStringLiteral("IMAGE_ARG"), QStringLiteral(", image"));
            values.insert(QStringLiteral("IMAGE_JSX"), QStringLiteral("      {image ? <img className={styles.image} src={image.src} alt={image.alt} /> : null}\n"));
            values.insert(QStringLiteral("IMAGE_ARGS"), QStringLiteral("    image: { src: '%1', alt: %2 },\n")
                                                            .arg(samplePicture, source::stringLiteral(QStringLiteral("Illustration: ") + title)));
        } else {
            for (const char *key : {"IMAGE_TYPE", "IMAGE_PROP", "IMAGE_ARG", "IMAGE_JSX", "IMAGE_ARGS"})
                values.insert(QLatin1StringView(key), QString());
        }

        ComponentSources sources;
        sources.tsx = source::fill(tsxTemplate, values);
        sources.css = source::fill(cssTemplate, values);
        sources.stories = source::fill(storiesTemplate, values);
        sources.exportedTypes = QStringList{name + QStringLiteral("Action")};
        if (request.withImage)
            sources.exportedTypes.append(name + QStringLiteral("Image"));
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.files += button.files;
        component.composedParts.append(button.name);
        component.notes = notes + button.notes;
        return component;
    }
};

} // namespace

std::unique_ptr<Expert> makeHeroExpert()
{
    return std::make_unique<HeroExpert>();
}

} // namespace helios::spark
