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

#include <algorithm>
#include <atomic>
#include <thread>

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
        auto shared = std::make_shared<ResolverDocument>(ResolverDocument::read(inputs.resolverPath));
        const ResolverDocument &doc = *shared;
        build.collect(doc.diagnostics());
        if (doc.hasErrors())
            return build;
        const ResolverDocument::Input baseInput = inputs.inputGiven ? inputs.input : doc.defaultInput();
        build.m_resolver = std::move(shared);
        build.m_baseInput = baseInput;
        build.m_inputGiven = inputs.inputGiven;
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

    build.m_layers = !inputs.themes.empty();
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
    return renderSet(m_base, platform, platform.themeBlocks);
}

QStringList TokenBuild::contextModifiers() const
{
    QStringList names;
    if (m_resolver) {
        for (const ResolverDocument::Modifier &m : m_resolver->modifiers())
            names.append(m.name);
    } else if (m_layers) {
        names.append(QStringLiteral("theme"));
    }
    return names;
}

QStringList TokenBuild::contextsOf(const QString &modifier) const
{
    if (m_resolver) {
        const ResolverDocument::Modifier *m = m_resolver->modifier(modifier);
        return m ? m->contextNames : QStringList();
    }
    if (!m_layers || modifier != QLatin1StringView("theme"))
        return {};
    QStringList names{baseContextName};
    for (const Theme &t : m_themes)
        names.append(t.context);
    return names;
}

const TokenSet *TokenBuild::contextSet(const ResolverDocument::Input &input, Diagnostics &diagnostics) const
{
    if (!m_resolver) { // layers: the base, or the one theme named
        const QString context = input.value(QStringLiteral("theme"));
        if (context == baseContextName)
            return &m_base;
        for (const Theme &t : m_themes) {
            if (t.context == context)
                return &t.set;
        }
        return nullptr;
    }
    if (input == m_baseInput)
        return &m_base;
    if (!m_inputGiven) { // one modifier at another context, the others at their defaults: a theme
        for (const Theme &t : m_themes) {
            ResolverDocument::Input themeInput = m_baseInput;
            themeInput.insert(t.modifier, t.context);
            if (themeInput == input)
                return &t.set;
        }
    }
    QString key;
    for (auto it = input.constBegin(); it != input.constEnd(); ++it)
        key += it.key() + QLatin1Char('=') + it.value() + QLatin1Char(',');
    auto it = m_contextSets.constFind(key);
    if (it == m_contextSets.constEnd()) {
        it = m_contextSets.insert(key, m_resolver->resolve(input));
        // Problems the base or a theme already showed are not repeated.
        QSet<QString> seen;
        for (const Diagnostic &d : m_diagnostics)
            seen.insert(d.toString());
        for (const Diagnostic &d : diagnostics)
            seen.insert(d.toString());
        for (const Diagnostic &d : it.value().diagnostics()) {
            if (!seen.contains(d.toString()))
                diagnostics.push_back(d);
        }
    }
    return &it.value();
}

std::vector<TokenBuild::OutputFile> TokenBuild::renderFiles(const BuildPlatform &platform, Diagnostics &diagnostics) const
{
    std::vector<OutputFile> files;
    if (platform.contextPlaceholders.isEmpty()) {
        files.push_back({platform.destination, {}, render(platform)});
        return files;
    }
    const auto problem = [&](const QString &message, const QString &expected, const QString &found) {
        diagnostics.push_back({.severity = Diagnostic::Severity::Error,
                               .kind = Diagnostic::Kind::BadProperty,
                               .file = platform.file.isEmpty() ? platform.destination : platform.file,
                               .position = platform.file.isEmpty() ? SourcePosition{} : platform.destinationPosition,
                               .message = message,
                               .expected = expected,
                               .found = found});
    };
    const QStringList known = contextModifiers();
    std::vector<QStringList> contexts;
    for (const QString &name : platform.contextPlaceholders) {
        if (!known.contains(name)) {
            QStringList braced;
            for (const QString &k : known)
                braced.append(QLatin1Char('{') + k + QLatin1Char('}'));
            problem(QStringLiteral("unknown placeholder {%1} in the destination of platform \"%2\"").arg(name, platform.name),
                    braced.isEmpty() ? QStringLiteral("no placeholder: the build has no modifiers or themes")
                                     : QStringLiteral("one of ") + braced.join(QStringLiteral(", ")),
                    QLatin1Char('{') + name + QLatin1Char('}'));
            return {};
        }
        contexts.push_back(contextsOf(name));
        for (const QString &context : std::as_const(contexts.back())) {
            if (context.isEmpty() || context == QLatin1StringView(".") || context == QLatin1StringView("..")
                || context.contains(QLatin1Char('/')) || context.contains(QLatin1Char('\\'))) {
                problem(QStringLiteral("context \"%1\" of {%2} cannot be part of a file name").arg(context, name),
                        QStringLiteral("a context name without '/' or '\\'"), QLatin1Char('"') + context + QLatin1Char('"'));
                return {};
            }
        }
    }
    // Every combination, the first placeholder's contexts outermost, each in source order.
    std::vector<qsizetype> at(contexts.size(), 0);
    for (;;) {
        ResolverDocument::Input input = m_resolver ? m_baseInput : ResolverDocument::Input{};
        ResolverDocument::Input chosen;
        QString path = platform.destination;
        for (size_t i = 0; i < contexts.size(); ++i) {
            const QString &name = platform.contextPlaceholders[qsizetype(i)];
            const QString &context = contexts[i][at[i]];
            input.insert(name, context);
            chosen.insert(name, context);
            path.replace(QLatin1Char('{') + name + QLatin1Char('}'), context);
        }
        const TokenSet *set = contextSet(input, diagnostics);
        if (set && !set->hasErrors())
            files.push_back({path, chosen, renderSet(*set, platform, false)});
        size_t i = contexts.size();
        while (i > 0 && ++at[i - 1] == contexts[i - 1].size())
            at[--i] = 0;
        if (i == 0)
            break;
    }
    return files;
}

QByteArray TokenBuild::renderSet(const TokenSet &set, const BuildPlatform &platform, bool themeBlocks) const
{
    FormatOptions options = platform.options;

    const QString &format = platform.format;
    if (!platform.nameCaseSet)
        options.nameCase = format == QLatin1StringView("ts") || format == QLatin1StringView("dts") ? NameCase::Camel : NameCase::Kebab;
    if (format == QLatin1StringView("css")) {
        std::vector<CssFormatter::ThemeBlock> blocks;
        if (themeBlocks) {
            for (const Theme &theme : m_themes) {
                QString selector = platform.themeSelector;
                selector.replace(QLatin1StringView("{modifier}"), theme.modifier).replace(QLatin1StringView("{context}"), theme.context);
                blocks.push_back({selector, &theme.set, theme.changed, {}});
                if (!platform.prefersColorScheme.isEmpty() && platform.prefersColorScheme == theme.context)
                    blocks.push_back({options.selector, &theme.set, theme.changed,
                                      QStringLiteral("(prefers-color-scheme: ") + theme.context + QLatin1Char(')')});
            }
        }
        return CssFormatter::format(set, options, blocks);
    }
    if (format == QLatin1StringView("scss"))
        return ScssFormatter::format(set, options);
    if (format == QLatin1StringView("ts"))
        return TypeScriptFormatter::module(set, options);
    if (format == QLatin1StringView("dts"))
        return TypeScriptFormatter::declarations(set, options);
    if (format == QLatin1StringView("json"))
        return JsonFormatter::flat(set, options);
    if (format == QLatin1StringView("json-nested"))
        return JsonFormatter::nested(set, options);
    if (format == QLatin1StringView("tailwind"))
        return TailwindFormatter::format(set, options,
                                         platform.cssVariables ? TailwindFormatter::Values::CssVariables
                                                               : TailwindFormatter::Values::Resolved);
    return {};
}

std::vector<std::vector<TokenBuild::OutputFile>> TokenBuild::renderAll(const std::vector<BuildPlatform> &platforms,
                                                                      Diagnostics &diagnostics) const
{
    std::vector<std::vector<OutputFile>> files(platforms.size());
    std::vector<size_t> single;
    for (size_t i = 0; i < platforms.size(); ++i) {
        if (platforms[i].contextPlaceholders.isEmpty())
            single.push_back(i);
    }
    // render() only reads the resolved sets, so any thread may run it.
    std::atomic<size_t> next{0};
    const auto work = [&] {
        for (size_t k = next++; k < single.size(); k = next++) {
            const BuildPlatform &p = platforms[single[k]];
            files[single[k]].push_back({p.destination, {}, render(p)});
        }
    };
    const size_t workers = std::min<size_t>(single.size(), std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> threads;
    for (size_t t = 1; t < workers; ++t) // this thread is the first
        threads.emplace_back(work);
    work();
    for (std::thread &t : threads)
        t.join();
    for (size_t i = 0; i < platforms.size(); ++i) {
        if (!platforms[i].contextPlaceholders.isEmpty())
            files[i] = renderFiles(platforms[i], diagnostics);
    }
    return files;
}

} // namespace helios::slate
