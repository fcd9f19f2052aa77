// SPDX-License-Identifier: Apache-2.0
#include "slate/lint/token_linter.h"

#include "slate/lint/srgb_color.h"
#include "slate/token_set.h"

#include <QHash>

#include <cmath>

namespace helios::slate {

namespace {

using Severity = LintConfig::Severity;
using Rule = LintConfig::Rule;

// One set under lint, with the name findings mention ("" for the base).
struct LintedSet {
    QString theme;
    const TokenSet *set;
    const QSet<QString> *layerFiles; // nullptr for the base
};

class Run {
public:
    Run(const LintConfig &config, Diagnostics &out)
        : m_config(config)
        , m_out(out)
    {
    }

    Diagnostic &report(Rule rule, const QString &file, SourcePosition position, const QString &tokenPath,
                       const QString &message)
    {
        Diagnostic d;
        d.kind = Diagnostic::Kind::Lint;
        d.severity = m_config.severity(rule) == Severity::Error ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning;
        d.rule = LintConfig::ruleName(rule);
        d.file = file;
        d.position = position;
        d.tokenPath = tokenPath;
        d.message = message;
        m_out.push_back(std::move(d));
        return m_out.back();
    }

    Diagnostic &report(Rule rule, const Token &token, const QString &message)
    {
        return report(rule, token.file, token.position, token.path, message);
    }

    bool on(Rule rule) const { return m_config.severity(rule) != Severity::Off; }

    // Tokens a rule about single tokens looks at: all of the base, and of each theme the
    // ones its own layers define (the rest are the base's, already looked at).
    template<typename F>
    void forEachOwnToken(const std::vector<LintedSet> &sets, F f)
    {
        for (const LintedSet &s : sets) {
            for (const Token &t : s.set->tokens()) {
                if (t.resolved && (!s.layerFiles || s.layerFiles->contains(t.file)))
                    f(s, t);
            }
        }
    }

    static QString inTheme(const LintedSet &s)
    {
        return s.theme.isEmpty() ? QString() : QStringLiteral(" in theme %1").arg(s.theme);
    }

    void contrast(const std::vector<LintedSet> &sets, const std::vector<ContrastPair> &filePairs)
    {
        const Diagnostic::Severity severity = m_config.contrast.severity == Severity::Error ? Diagnostic::Severity::Error
                                                                                            : Diagnostic::Severity::Warning;
        // A failure a theme repeats with the very same colours is reported once.
        QSet<QString> reported;
        bool isBase = true;
        for (const LintedSet &s : sets) {
            std::vector<ContrastPair> pairs = filePairs;
            Diagnostics declarationProblems;
            for (const Token &t : s.set->tokens())
                ContrastPairs::fromExtensions(t, severity, pairs, declarationProblems);
            if (isBase) {
                for (Diagnostic &d : declarationProblems)
                    m_out.push_back(std::move(d));
            }
            for (const ContrastPair &pair : pairs)
                checkPair(s, pair, isBase, reported);
            isBase = false;
        }
    }

    void checkPair(const LintedSet &s, const ContrastPair &pair, bool isBase, QSet<QString> &reported)
    {
        const Token *fg = s.set->find(pair.foreground);
        const bool fromFile = !pair.file.isEmpty();
        auto where = [&](const QString &message) -> Diagnostic & {
            if (fromFile || !fg)
                return report(Rule::Contrast, pair.file, pair.position, pair.foreground, message);
            return report(Rule::Contrast, *fg, message);
        };
        std::optional<SrgbColor> colors[2];
        const QString *paths[2] = {&pair.foreground, &pair.background};
        for (int i = 0; i < 2; ++i) {
            const Token *t = s.set->find(*paths[i]);
            if (!t) {
                if (isBase)
                    where(QStringLiteral("contrast pair names %1, which is not a token").arg(*paths[i]));
                return;
            }
            if (!t->resolved)
                return;
            if (t->type != TokenType::Color) {
                if (isBase)
                    where(QStringLiteral("contrast pair names %1, which is not a colour").arg(*paths[i]));
                return;
            }
            colors[i] = SrgbColor::fromValue(t->resolvedValue);
            if (!colors[i]) {
                if (isBase)
                    where(QStringLiteral("cannot evaluate the colour of %1 for contrast").arg(*paths[i]))
                        .severity = Diagnostic::Severity::Warning;
                return;
            }
        }
        const double min = pair.min > 0 ? pair.min : pair.large ? m_config.contrast.largeMin : m_config.contrast.min;
        const double ratio = SrgbColor::contrastRatio(*colors[0], *colors[1]);
        if (ratio >= min)
            return;
        const QString colours = colors[0]->hexText() + QLatin1StringView(" on ") + colors[1]->hexText();
        const QString key = pair.foreground + QLatin1Char('\x1f') + pair.background + QLatin1Char('\x1f') + colours;
        if (reported.contains(key))
            return;
        reported.insert(key);
        Diagnostic &d = where(QStringLiteral("contrast of %1 on %2 is too low%3")
                                  .arg(pair.foreground, pair.background, inTheme(s)));
        d.expected = QStringLiteral("at least %1:1").arg(min);
        d.found = TokenLinter::ratioText(ratio) + QLatin1StringView(":1, ") + colours;
    }

    // Equal values are found through one hash of the canonical text per value.
    void duplicateValues(const TokenSet &base)
    {
        QHash<QString, int> firstWithValue;
        firstWithValue.reserve(base.size());
        const auto &tokens = base.tokens();
        for (size_t i = 0; i < tokens.size(); ++i) {
            const Token &t = tokens[i];
            // An alias shares its target's value on purpose; only alias roots can duplicate.
            if (!t.resolved || !t.aliasChain.isEmpty())
                continue;
            QString text;
            if (t.type == TokenType::Color) {
                const auto c = SrgbColor::fromValue(t.resolvedValue);
                if (c && c->inGamut())
                    text = c->hexText();
            }
            if (text.isEmpty())
                text = t.resolvedValue.toJsonText();
            const QString key = tokenTypeName(t.type) + QLatin1Char('\x1f') + text;
            const auto it = firstWithValue.constFind(key);
            if (it == firstWithValue.cend()) {
                firstWithValue.insert(key, int(i));
                continue;
            }
            Diagnostic &d = report(Rule::DuplicateValues, t,
                                   QStringLiteral("same value as %1; alias it instead").arg(tokens[size_t(*it)].path));
            d.found = text.left(80);
        }
    }

    void naming(const std::vector<LintedSet> &sets)
    {
        const QRegularExpression &pattern = m_config.naming.pattern;
        forEachOwnToken(sets, [&](const LintedSet &, const Token &t) {
            for (const QStringView segment : QStringView(t.path).split(QLatin1Char('.'))) {
                if (segment == u"$root")
                    continue;
                if (!pattern.match(segment).hasMatch()) {
                    Diagnostic &d = report(Rule::Naming, t,
                                           QStringLiteral("name segment \"%1\" does not match the naming pattern")
                                               .arg(segment.toString()));
                    d.expected = pattern.pattern();
                    return;
                }
            }
        });
    }

    void gamut(const std::vector<LintedSet> &sets)
    {
        forEachOwnToken(sets, [&](const LintedSet &s, const Token &t) {
            if (t.type != TokenType::Color)
                return;
            const auto c = SrgbColor::fromValue(t.resolvedValue);
            if (!c || c->inGamut())
                return;
            Diagnostic &d = report(Rule::Gamut, t, QStringLiteral("colour lies outside sRGB%1").arg(inTheme(s)));
            d.expected = QStringLiteral("sRGB channels from 0 to 1");
            d.found = QStringLiteral("r %1, g %2, b %3")
                          .arg(c->r, 0, 'f', 3)
                          .arg(c->g, 0, 'f', 3)
                          .arg(c->b, 0, 'f', 3);
        });
    }

    void requiredModes(const TokenSet &base, const std::vector<LintTheme> &themes)
    {
        const LintConfig::RequiredModes &rule = m_config.requiredModes;
        for (const QString &name : rule.themes) {
            const LintTheme *theme = nullptr;
            for (const LintTheme &t : themes) {
                if (t.name == name)
                    theme = &t;
            }
            if (!theme || !theme->set) {
                report(Rule::RequiredModes, m_config.file, {}, {},
                       QStringLiteral("theme %1 is required but was not given").arg(name));
                continue;
            }
            for (const Token &t : base.tokens()) {
                if (!inGroups(t.path, rule.groups))
                    continue;
                const Token *themed = theme->set->find(t.path);
                if (themed && theme->layerFiles.contains(themed->file))
                    continue;
                Diagnostic &d = report(Rule::RequiredModes, t, QStringLiteral("not overridden in theme %1").arg(name));
                d.expected = QStringLiteral("a value in one of the theme's layers");
            }
        }
    }

    static bool inGroups(const QString &path, const QStringList &groups)
    {
        for (const QString &g : groups) {
            if (path.startsWith(g) && (path.size() == g.size() || path.at(g.size()) == QLatin1Char('.')))
                return true;
        }
        return false;
    }

private:
    const LintConfig &m_config;
    Diagnostics &m_out;
};

} // namespace

TokenLinter::TokenLinter(LintConfig config)
    : m_config(std::move(config))
{
}

Diagnostics TokenLinter::run(const TokenSet &base, const std::vector<LintTheme> &themes) const
{
    Diagnostics out;
    Run run(m_config, out);
    std::vector<LintedSet> sets{{QString(), &base, nullptr}};
    for (const LintTheme &t : themes) {
        if (t.set)
            sets.push_back({t.name, t.set, &t.layerFiles});
    }
    if (run.on(Rule::Contrast))
        run.contrast(sets, m_pairs);
    if (run.on(Rule::DuplicateValues))
        run.duplicateValues(base);
    if (run.on(Rule::Naming))
        run.naming(sets);
    if (run.on(Rule::RequiredModes))
        run.requiredModes(base, themes);
    if (run.on(Rule::Gamut))
        run.gamut(sets);
    return out;
}

QString TokenLinter::ratioText(double ratio)
{
    // The epsilon keeps an exact 21 from printing as 20.99 after floating-point noise.
    return QString::number(std::floor(ratio * 100.0 + 1e-9) / 100.0, 'f', 2);
}

} // namespace helios::slate
