// SPDX-License-Identifier: Apache-2.0
// A navigation bar: a <nav> landmark named by aria-label, the brand as a link home, the
// links in a list with aria-current="page" on the current one, and (when asked) a search
// field with its own label. Links are plain anchors: the browser's keyboard handling.
#include "spark/experts/component_files.h"
#include "spark/experts/experts.h"
#include "spark/experts/source_template.h"
#include "spark/experts/source_text.h"
#include "spark/experts/story_format.h"
#include "spark/token_palette.h"

#include <QSet>

namespace helios::spark {

namespace {

constexpr char16_t tsxTemplate[] = uR"~~(import { forwardRef } from 'react';
import type { HTMLAttributes } from 'react';
import styles from './@NAME@.module.css';

export interface @NAME@Link {
  href: string;
  label: string;
}

export const @LOWER@Links: @NAME@Link[] = [
@LINKS@];

export type @NAME@Size = @SIZES@;

export interface @NAME@Props extends HTMLAttributes<HTMLElement> {
  /** Names the navigation landmark for screen readers. */
  label?: string;
  /** The site or product name, linking home. */
  brand?: string;
  links?: @NAME@Link[];
  /** The href of the page being shown: marked with aria-current. */
  current?: string;
  size?: @NAME@Size;
@EXTRA_PROPS@}

/** A navigation bar whose colours, spacing and type come from the design tokens. */
export const @NAME@ = forwardRef<HTMLElement, @NAME@Props>(function @NAME@(
  { label = @LABEL@, brand = @BRAND@, links = @LOWER@Links, current = links[0]?.href, size = '@DEFAULT_SIZE@'@EXTRA_ARGS@, className, ...rest },
  ref,
) {
  const classes = [styles.root, styles[size], className].filter(Boolean).join(' ');
  return (
    <nav ref={ref} aria-label={label} className={classes} {...rest}>
      <a href="/" className={styles.brand}>
        {brand}
      </a>
      <ul className={styles.links}>
        {links.map((link) => (
          <li key={link.href}>
            <a
              href={link.href}
              className={styles.link}
              aria-current={link.href === current ? 'page' : undefined}
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
@SEARCH@    </nav>
  );
});
)~~";

constexpr char16_t searchTemplate[] = uR"~~(      <form role="search" className={styles.search} onSubmit={(event) => {
          event.preventDefault();
          const query = new FormData(event.currentTarget).get('q');
          onSearch?.(typeof query === 'string' ? query : '');
        }}>
        <input type="search" name="q" aria-label={searchLabel} placeholder={searchLabel} className={styles.searchInput} />
      </form>
)~~";

constexpr char16_t cssTemplate[] = uR"~~(/* Only token variables: change the tokens, not these values. */
.root {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: @space-lg@;
  border-block-end: @border-width@ solid @border@;
  background-color: @surface@;
  font-family: @font-family-body@;
  color: @text@;
}

.brand {
  font-family: @font-family-heading@;
  font-weight: @font-weight-bold@;
  font-size: @font-size-lg@;
  color: inherit;
  text-decoration: none;
}

.links {
  display: flex;
  flex-wrap: wrap;
  gap: @space-xs@;
  margin: 0;
  padding: 0;
  list-style: none;
}

.link {
  display: inline-block;
  border-radius: @radius-sm@;
  color: @text-muted@;
  text-decoration: none;
  transition: color @duration-fast@, background-color @duration-fast@;
}

.link:hover {
  color: @text@;
  background-color: @surface-alt@;
}

.link[aria-current='page'] {
  color: @primary@;
  font-weight: @font-weight-bold@;
}

.brand:focus-visible,
.link:focus-visible,
.searchInput:focus-visible {
  outline: medium solid @focus@;
  outline-offset: @space-xs@;
}

.search {
  margin-inline-start: auto;
}

.searchInput {
  padding: @space-xs@ @space-sm@;
  border: @border-width@ solid @border@;
  border-radius: @radius-md@;
  background-color: @surface@;
  font: inherit;
  color: inherit;
}
@SIZE_RULES@)~~";

QString sizeRule(const QString &size)
{
    if (size == QLatin1StringView("sm"))
        return QStringLiteral("\n.sm {\n  padding: @space-xs@ @space-md@;\n  font-size: @font-size-sm@;\n}\n\n"
                              ".sm .link {\n  padding: @space-xs@ @space-sm@;\n}\n");
    if (size == QLatin1StringView("lg"))
        return QStringLiteral("\n.lg {\n  padding: @space-md@ @space-xl@;\n  font-size: @font-size-lg@;\n}\n\n"
                              ".lg .link {\n  padding: @space-sm@ @space-md@;\n}\n");
    return QStringLiteral("\n.md {\n  padding: @space-sm@ @space-lg@;\n  font-size: @font-size-md@;\n}\n\n"
                          ".md .link {\n  padding: @space-xs@ @space-sm@;\n}\n");
}

class NavigationBarExpert final : public Expert {
public:
    ExpertFamily family() const override { return ExpertFamily::NavigationBar; }

    GeneratedComponent generate(const ComponentRequest &request, const ExpertContext &context, bool asPart) const override
    {
        const QString name = componentName(request, family());
        QStringList notes;
        const QStringList sizes = source::choose(request.sizes, {QStringLiteral("sm"), QStringLiteral("md"), QStringLiteral("lg")},
                                                 {QStringLiteral("md")}, QStringLiteral("sizes"), notes);
        QStringList labels;
        if (request.items.isEmpty() && request.labels.isEmpty() && request.count <= 0) {
            labels = {QStringLiteral("Home"), QStringLiteral("Products"), QStringLiteral("Pricing"), QStringLiteral("About")};
            notes.append(QStringLiteral("no links named: Home, Products, Pricing, About"));
        } else {
            labels = source::itemsOf(request, QStringLiteral("Link"), 4, 12, notes);
        }
        QString brand = request.title;
        if (brand.isEmpty()) {
            brand = QStringLiteral("Acme");
            notes.append(QStringLiteral("no brand given: \"Acme\""));
        }
        if (!request.variants.isEmpty())
            notes.append(QStringLiteral("variants do not apply to a navigation bar, left out: %1")
                             .arg(request.variants.join(QLatin1StringView(", "))));

        // hrefs from the labels: "/" for a home link, "/<kebab>" otherwise, made unique.
        QString links;
        QSet<QString> used;
        QStringList hrefs;
        for (const QString &link : labels) {
            const QString slug = source::kebab(link);
            QString href = slug == QLatin1StringView("home") ? QStringLiteral("/") : QLatin1Char('/') + slug;
            for (int n = 2; used.contains(href); ++n)
                href = QLatin1Char('/') + slug + QLatin1Char('-') + QString::number(n);
            used.insert(href);
            hrefs.append(href);
            links += QStringLiteral("  { href: %1, label: %2 },\n").arg(source::stringLiteral(href), source::stringLiteral(link));
        }

        QHash<QString, QString> values = source::paletteValues(context.palette);
        values.insert(QStringLiteral("NAME"), name);
        values.insert(QStringLiteral("LOWER"), source::camelIdentifier(name));
        values.insert(QStringLiteral("SIZES"), source::literalUnion(sizes));
        values.insert(QStringLiteral("DEFAULT_SIZE"), sizes.contains(QLatin1StringView("md")) ? QStringLiteral("md") : sizes.front());
        values.insert(QStringLiteral("LABEL"), source::stringLiteral(QStringLiteral("Main")));
        values.insert(QStringLiteral("BRAND"), source::stringLiteral(brand));
        values.insert(QStringLiteral("LINKS"), links);
        if (request.searchable) {
            values.insert(QStringLiteral("EXTRA_PROPS"), QStringLiteral("  /** Labels the search field. */\n  searchLabel?: string;\n"
                                                                        "  onSearch?: (query: string) => void;\n"));
            values.insert(QStringLiteral("EXTRA_ARGS"), QStringLiteral(", searchLabel = 'Search', onSearch"));
            values.insert(QStringLiteral("SEARCH"), QString::fromUtf16(searchTemplate));
        } else {
            values.insert(QStringLiteral("EXTRA_PROPS"), QString());
            values.insert(QStringLiteral("EXTRA_ARGS"), QString());
            values.insert(QStringLiteral("SEARCH"), QString());
        }
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
                out += source::story(QStringLiteral("SecondPageCurrent"),
                                     QStringLiteral("current: %1").arg(source::stringLiteral(hrefs[1])));
            out += source::sizeStories(sizes, values.value(QStringLiteral("DEFAULT_SIZE")));
            sources.stories = out;
        }
        sources.exportedTypes = QStringList{name + QStringLiteral("Link"), name + QStringLiteral("Size")};
        GeneratedComponent component = assembleComponent(family(), name, sources, asPart);
        component.notes = notes;
        return component;
    }
};

} // namespace

std::unique_ptr<Expert> makeNavigationBarExpert()
{
    return std::make_unique<NavigationBarExpert>();
}

} // namespace helios::spark
