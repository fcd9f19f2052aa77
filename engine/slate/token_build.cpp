// SPDX-License-Identifier: Apache-2.0
#include "slate/token_build.h"

#include "slate/css_formatter.h"
#include "slate/json_formatter.h"
#include "slate/scss_formatter.h"
#include "slate/tailwind_formatter.h"
#include "slate/theme_layers.h"
#include "slate/token_diff.h"
#include "slate/token_reader.h"
#include "slate/token_resolver.h"
#include "slate/typescript_formatter.h"

#include <QSet>

namespace helios::slate {

void TokenBuild::collect(const Diagnostics &diagnostics)
{
    // A themed set re-reads the base files: report each of their problems once.
    QSet<QString> seen;
    for (const Diagnostic &d : m_diagnostics)
        seen.insert(d.toString());
    for (const Diagnostic &d : diagnostics) {
        const QString key = d.toString();
        if (seen.contains(key))
            continue;
        seen.insert(key);
        m_diagnostics.push_back(d);
    }
}

TokenBuild TokenBuild::load(const Inputs &inputs)
{
    TokenBuild build;
    if (!inputs.resolverPath.isEmpty()) {
        const ResolverDocument doc = ResolverDocument::read(inputs.resolverPath);
        build.collect(doc.diagnostics());
        if (doc.hasErrors())
            return build;
        const ResolverDocument::Input baseInput = inputs.inputGiven ? inputs.input : doc.defaultInput();
        Diagnostics inputProblems;
        if (!doc.checkInput(baseInput, inputProblems)) {
            build.collect(inputProblems);
            return build;
        }
        build.m_base = doc.resolve(baseInput);
        build.collect(build.m_base.diagnostics());
        if (inputs.inputGiven || build.m_base.hasErrors())
            return build;
        for (const ResolverDocument::Modifier &m : doc.modifiers()) {
            for (const QString &context : m.contextNames) {
                if (context == m.defaultContext)
                    continue;
                ResolverDocument::Input input = baseInput;
                input.insert(m.name, context);
                Theme theme{m.name, context, doc.resolve(input), {}};
                build.collect(theme.set.diagnostics());
                theme.changed = TokenDiff::changedIndices(build.m_base, theme.set);
                build.m_themes.push_back(std::move(theme));
            }
        }
        return build;
    }

    TokenReader reader;
    for (const QString &f : inputs.sources)
        reader.addFile(f);
    build.m_base = reader.finish();
    (void)TokenResolver::resolve(build.m_base);
    build.collect(build.m_base.diagnostics());
    for (const ThemeLayer &layer : inputs.themes) {
        Theme theme{QStringLiteral("theme"), layer.name, ThemeLayers::readThemed(inputs.sources, layer.files), {}};
        build.collect(theme.set.diagnostics());
        const QStringList files = layer.files;
        theme.changed = ThemeLayers::changedTokens(theme.set, QSet<QString>(files.begin(), files.end()));
        build.m_themes.push_back(std::move(theme));
    }
    return build;
}

QByteArray TokenBuild::render(const BuildPlatform &platform) const
{
    FormatOptions options = platform.options;
    const QString &format = platform.format;
    if (!platform.nameCaseSet)
        options.nameCase = format == QLatin1StringView("ts") || format == QLatin1StringView("dts") ? NameCase::Camel : NameCase::Kebab;
    if (format == QLatin1StringView("css")) {
        std::vector<CssFormatter::ThemeBlock> blocks;
        if (platform.themeBlocks) {
            for (const Theme &theme : m_themes) {
                QString selector = platform.themeSelector;
                selector.replace(QLatin1StringView("{modifier}"), theme.modifier).replace(QLatin1StringView("{context}"), theme.context);
                blocks.push_back({selector, &theme.set, theme.changed, {}});
                if (!platform.prefersColorScheme.isEmpty() && platform.prefersColorScheme == theme.context)
                    blocks.push_back({options.selector, &theme.set, theme.changed,
                                      QStringLiteral("(prefers-color-scheme: ") + theme.context + QLatin1Char(')')});
            }
        }
        return CssFormatter::format(m_base, options, blocks);
    }
    if (format == QLatin1StringView("scss"))
        return ScssFormatter::format(m_base, options);
    if (format == QLatin1StringView("ts"))
        return TypeScriptFormatter::module(m_base, options);
    if (format == QLatin1StringView("dts"))
        return TypeScriptFormatter::declarations(m_base, options);
    if (format == QLatin1StringView("json"))
        return JsonFormatter::flat(m_base, options);
    if (format == QLatin1StringView("json-nested"))
        return JsonFormatter::nested(m_base, options);
    if (format == QLatin1StringView("tailwind"))
        return TailwindFormatter::format(m_base, options,
                                         platform.cssVariables ? TailwindFormatter::Values::CssVariables
                                                               : TailwindFormatter::Values::Resolved);
    return {};
}

} // namespace helios::slate
