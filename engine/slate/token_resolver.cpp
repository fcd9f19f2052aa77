// SPDX-License-Identifier: Apache-2.0
#include "slate/token_resolver.h"

#include "core/logging.h"
#include "slate/alias_syntax.h"
#include "slate/value_validator.h"

namespace helios::slate {

namespace {

enum class State : unsigned char { Pending, Active, Done, Failed };

class Resolver {
public:
    explicit Resolver(TokenSet &set) : m_set(set), m_state(set.tokens().size(), State::Pending) {}

    bool run()
    {
        const bool hadErrors = m_set.hasErrors();
        for (size_t i = 0; i < m_state.size(); ++i)
            visit(int(i));
        return !hadErrors && !m_failedAny;
    }

private:
    Token &token(int i) { return m_set.tokens()[size_t(i)]; }

    void report(const Token &t, Diagnostic::Kind kind, SourcePosition position, const QString &message,
                const QString &expected = {}, const QString &found = {})
    {
        Diagnostic d;
        d.kind = kind;
        d.file = t.file;
        d.position = position;
        d.tokenPath = t.path;
        d.message = message;
        d.expected = expected;
        d.found = found;
        m_set.diagnostics().push_back(std::move(d));
    }

    void visit(int i)
    {
        if (m_state[size_t(i)] != State::Pending)
            return;
        m_state[size_t(i)] = State::Active;
        m_stack.push_back(i);
        const bool ok = resolveOne(i);
        m_stack.pop_back();
        m_state[size_t(i)] = ok ? State::Done : State::Failed;
        token(i).resolved = ok;
        if (!ok)
            m_failedAny = true;
    }

    bool resolveOne(int i)
    {
        Token &t = token(i);
        const bool wholeAlias = AliasSyntax::isAlias(t.value);
        if (t.typeInvalid)
            return false; // the bad `$type` is reported; its value cannot be checked
        if (t.type == TokenType::Unknown && !wholeAlias) {
            report(t, Diagnostic::Kind::MissingType, t.position,
                   QStringLiteral("the token has no type: give it a \"$type\" or put it in a group that has one"),
                   QStringLiteral("a \"$type\""), QStringLiteral("none"));
            return false;
        }
        bool ok = ValueValidator::validate(t, m_set.diagnostics());
        if (m_stack.size() > size_t(TokenResolver::maxChainDepth)) {
            report(t, Diagnostic::Kind::AliasCycle, t.value.position(),
                   QStringLiteral("alias chain deeper than %1 tokens").arg(TokenResolver::maxChainDepth));
            return false;
        }
        // `t` stays valid: resolution never adds tokens, so the vector does not move.
        int firstTarget = -1;
        for (const TokenReference &ref : t.references) {
            const int target = m_set.indexOf(ref.targetPath);
            if (&ref == &t.references.front())
                firstTarget = target;
            if (target < 0) {
                const bool isGroup = m_set.groups().contains(ref.targetPath);
                report(t, Diagnostic::Kind::MissingAliasTarget, ref.position,
                       isGroup ? QStringLiteral("alias %1 points at a group, not a token").arg(AliasSyntax::display(ref))
                               : QStringLiteral("alias %1 points at no token").arg(AliasSyntax::display(ref)),
                       QStringLiteral("an existing token"), AliasSyntax::display(ref));
                ok = false;
                continue;
            }
            if (m_state[size_t(target)] == State::Active) {
                QString chain;
                auto it = std::find(m_stack.begin(), m_stack.end(), target);
                for (; it != m_stack.end(); ++it)
                    chain += token(*it).path + QStringLiteral(" -> ");
                chain += token(target).path;
                report(t, Diagnostic::Kind::AliasCycle, ref.position,
                       QStringLiteral("alias cycle: %1").arg(chain), QStringLiteral("a chain that ends in a value"),
                       AliasSyntax::display(ref));
                ok = false;
                continue;
            }
            visit(target);
            const Token &to = token(target);
            if (ref.wholeValue && ref.subPath.isEmpty() && t.type == TokenType::Unknown) {
                t.type = to.type; // DTCG: an untyped alias takes its target's type
            } else if (ref.expectedType != TokenType::Unknown && ref.subPath.isEmpty()
                       && to.type != TokenType::Unknown && to.type != ref.expectedType) {
                report(t, Diagnostic::Kind::TypeMismatch, ref.position,
                       QStringLiteral("alias %1 points at a %2 token where a %3 is required")
                           .arg(AliasSyntax::display(ref), tokenTypeName(to.type), tokenTypeName(ref.expectedType)),
                       tokenTypeName(ref.expectedType), tokenTypeName(to.type) + QStringLiteral(" (") + to.path + QLatin1Char(')'));
                ok = false;
                continue;
            }
            if (m_state[size_t(target)] != State::Done) {
                ok = false; // the target's own problem is reported there
                continue;
            }
            if (!ref.subPath.isEmpty() && !to.resolvedValue.at(ref.subPath)) {
                report(t, Diagnostic::Kind::MissingAliasTarget, ref.position,
                       QStringLiteral("%1 points inside the value of %2, at nothing").arg(AliasSyntax::display(ref), to.path),
                       QStringLiteral("an existing part of the value"), AliasSyntax::display(ref));
                ok = false;
            }
        }
        if (!ok)
            return false;

        t.aliasChain.clear();
        if (wholeAlias && !t.references.empty()) {
            const TokenReference &ref = t.references.front();
            const Token &to = token(firstTarget);
            t.resolvedValue = *to.resolvedValue.at(ref.subPath);
            t.aliasChain.reserve(to.aliasChain.size() + 1);
            t.aliasChain.append(to.path);
            t.aliasChain.append(to.aliasChain);
        } else if (t.references.empty()) {
            t.resolvedValue = t.value;
        } else {
            t.resolvedValue = t.value;
            substitute(t.resolvedValue);
        }
        t.resolvedValue.setKey(QString(), {});
        return true;
    }

    // Replaces each alias inside a composite value by the target's resolved value.
    void substitute(JsonValue &node)
    {
        if (AliasSyntax::isAlias(node)) {
            TokenReference ref;
            QString error;
            if (!AliasSyntax::parse(node, ref, error))
                return; // reported by the validator
            const int target = m_set.indexOf(ref.targetPath);
            if (target < 0)
                return;
            const JsonValue *value = token(target).resolvedValue.at(ref.subPath);
            if (!value)
                return;
            QString key = node.key();
            const SourcePosition keyPosition = node.keyPosition();
            node = *value;
            node.setKey(std::move(key), keyPosition);
            return;
        }
        if (node.isArray() || node.isObject()) {
            for (JsonValue &child : node.children())
                substitute(child);
        }
    }

    TokenSet &m_set;
    std::vector<State> m_state;
    std::vector<int> m_stack;
    bool m_failedAny = false;
};

} // namespace

bool TokenResolver::resolve(TokenSet &set)
{
    Resolver resolver(set);
    const bool ok = resolver.run();
    qCDebug(lcSlate) << "resolved" << set.size() << "tokens," << set.diagnostics().size() << "diagnostics";
    return ok;
}

} // namespace helios::slate
