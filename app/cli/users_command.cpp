// SPDX-License-Identifier: Apache-2.0
#include "users_command.h"

#include "cli.h"

#include "cache/cache.h"
#include "core/config.h"
#include "landing/token_minter.h"
#include "landing/user_directory.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <optional>

namespace helios::cli {

namespace {

using landing::Role;

const char *const usersHelp =
    "usage: helios users add <subject> --role viewer|developer|admin [--json]\n"
    "       helios users role <subject> viewer|developer|admin [--json]\n"
    "       helios users remove <subject> [--json]\n"
    "       helios users list [--json]\n"
    "       helios users token <subject> [--ttl 1h] [--audience A] [--issuer I]\n"
    "\n"
    "Who may use the Helios server, and with which role. A subject is the \"sub\" of the\n"
    "caller's JWT. A role change or removal ends the subject's cached sessions in every\n"
    "server sharing the cache (REDIS_URL); with the in-process cache a running server\n"
    "notices it when its sessions end, within 15 minutes.\n"
    "\n"
    "token prints an HS256 token for <subject> on stdout, signed with HELIOS_JWT_SECRET;\n"
    "issuer and audience default to HELIOS_JWT_ISSUER and HELIOS_JWT_AUDIENCE.\n"
    "\n"
    "options:\n"
    "  --role R        viewer, developer or admin (add)\n"
    "  --ttl D         token lifetime: 90s, 30m, 12h, 7d (default 1h, at most 366d)\n"
    "  --audience A    the token's \"aud\"\n"
    "  --issuer I      the token's \"iss\"\n"
    "  --json          one JSON object on stdout\n"
    "  --help          this help\n"
    "\n"
    "exit: 0 done, 1 failed (unknown or existing user, back end unreachable), 2 usage\n";

constexpr qint64 MaxTtlSeconds = 366LL * 24 * 3600;

struct Arguments {
    QStringList positional;
    QString role;
    QString ttl;
    QString audience;
    QString issuer;
    bool json = false;
    bool help = false;
    bool ttlGiven = false;
    bool audienceGiven = false;
    bool issuerGiven = false;
};

// Splits flags from positional arguments; an error text on misuse.
QString parse(const QStringList &args, Arguments &parsed) {
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1StringView("--help") || a == QLatin1StringView("-h")) {
            parsed.help = true;
        } else if (a == QLatin1StringView("--json")) {
            parsed.json = true;
        } else if (a == QLatin1StringView("--role") || a == QLatin1StringView("--ttl") ||
                   a == QLatin1StringView("--audience") || a == QLatin1StringView("--issuer")) {
            if (i + 1 >= args.size())
                return QStringLiteral("%1 needs a value").arg(a);
            const QString value = args[++i];
            if (a == QLatin1StringView("--role")) {
                parsed.role = value;
            } else if (a == QLatin1StringView("--ttl")) {
                parsed.ttl = value;
                parsed.ttlGiven = true;
            } else if (a == QLatin1StringView("--audience")) {
                parsed.audience = value;
                parsed.audienceGiven = true;
            } else {
                parsed.issuer = value;
                parsed.issuerGiven = true;
            }
        } else if (a.startsWith(QLatin1StringView("--"))) {
            return QStringLiteral("unknown argument %1").arg(a);
        } else {
            parsed.positional.append(a);
        }
    }
    return {};
}

std::optional<std::chrono::seconds> parseTtl(const QString &text) {
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,9})([smhd]?)$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    qint64 seconds = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    if (unit == QLatin1StringView("m"))
        seconds *= 60;
    else if (unit == QLatin1StringView("h"))
        seconds *= 3600;
    else if (unit == QLatin1StringView("d"))
        seconds *= 24 * 3600;
    if (seconds <= 0 || seconds > MaxTtlSeconds)
        return std::nullopt;
    return std::chrono::seconds(seconds);
}

QByteArray jsonLine(const QJsonObject &object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

// Prints a failure the way the output mode asks for and returns Failure.
int fail(QTextStream &out, QTextStream &err, bool json, const Error &error) {
    if (json)
        out << jsonLine(QJsonObject{{QStringLiteral("ok"), false},
                                    {QStringLiteral("code"), errorCodeName(error.code)},
                                    {QStringLiteral("error"), error.toString()}});
    else
        err << "helios users: " << error.toString() << '\n';
    return Failure;
}

struct Backends {
    std::unique_ptr<data::Store> store;
    std::unique_ptr<data::Cache> cache;
};

Result<Backends> openBackends(const Config &config) {
    // Only what the users table needs: a bus or registry that is down is no reason to
    // refuse a role change.
    Backends backends;
    auto store = data::openStore(config);
    HELIOS_TRY(store);
    backends.store = std::move(store).value();
    auto cache = data::openCache(config);
    HELIOS_TRY(cache);
    backends.cache = std::move(cache).value();
    return backends;
}

int runToken(const Config &config, const Arguments &a, QTextStream &out, QTextStream &err) {
    if (a.positional.size() != 2) {
        err << "helios users token: give exactly one subject\n";
        return Usage;
    }
    const auto ttl = parseTtl(a.ttlGiven ? a.ttl : QStringLiteral("1h"));
    if (!ttl) {
        err << "helios users token: --ttl is a positive duration like 90s, 30m, 12h or 7d (at most "
               "366d)\n";
        return Usage;
    }
    const QByteArray secret = config.value(QString::fromLatin1(Config::JwtSecret)).toUtf8();
    if (secret.isEmpty()) {
        err << "helios users token: HELIOS_JWT_SECRET is not set; tokens are signed with it\n";
        return Failure;
    }
    const QString subject = a.positional.at(1);
    const QString issuer =
        a.issuerGiven ? a.issuer : config.value(QString::fromLatin1(Config::JwtIssuer));
    const QString audience =
        a.audienceGiven ? a.audience : config.value(QString::fromLatin1(Config::JwtAudience));
    const auto token = landing::mintHs256Token(secret, subject, *ttl, issuer, audience);
    if (!token.ok()) {
        err << "helios users token: " << token.error().toString() << '\n';
        return Failure;
    }

    // A token for someone the server does not know is refused there; say so, but still
    // print it (the user may be added afterwards, or on another node's database).
    auto backends = openBackends(config);
    if (backends.ok()) {
        const auto role = landing::UserDirectory(*backends->store, *backends->cache).role(subject);
        if (!role.ok())
            err << "helios users token: warning: " << role.error().message
                << "; the server will refuse this token\n";
    }
    out << *token << '\n';
    return Success;
}

} // namespace

int runUsers(const Config &config, const QStringList &args) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    Arguments a;
    const QString misuse = parse(args, a);
    if (a.help) {
        out << usersHelp;
        return Success;
    }
    if (!misuse.isEmpty()) {
        err << "helios users: " << misuse << "\n\n" << usersHelp;
        return Usage;
    }
    if (a.positional.isEmpty()) {
        err << usersHelp;
        return Usage;
    }
    const QString sub = a.positional.first();
    if (sub == QLatin1StringView("help")) {
        out << usersHelp;
        return Success;
    }
    if (sub == QLatin1StringView("token"))
        return runToken(config, a, out, err);

    // Check every argument before a back end is opened.
    std::optional<Role> role;
    int wantedPositionals = 2;
    if (sub == QLatin1StringView("add")) {
        if (a.role.isEmpty()) {
            err << "helios users add: --role viewer|developer|admin is required\n";
            return Usage;
        }
        role = landing::roleFromName(a.role);
    } else if (sub == QLatin1StringView("role")) {
        wantedPositionals = 3;
        if (a.positional.size() == 3)
            role = landing::roleFromName(a.positional.at(2));
    } else if (sub == QLatin1StringView("list")) {
        wantedPositionals = 1;
    } else if (sub != QLatin1StringView("remove")) {
        err << "helios users: unknown subcommand \"" << sub << "\"\n\n" << usersHelp;
        return Usage;
    }
    if (a.positional.size() != wantedPositionals) {
        err << "helios users " << sub << ": wrong number of arguments\n\n" << usersHelp;
        return Usage;
    }
    if ((sub == QLatin1StringView("add") || sub == QLatin1StringView("role")) && !role) {
        err << "helios users " << sub << ": the role is viewer, developer or admin\n";
        return Usage;
    }
    if (!a.role.isEmpty() && sub != QLatin1StringView("add")) {
        err << "helios users " << sub << ": --role belongs to add\n";
        return Usage;
    }
    if (a.ttlGiven || a.audienceGiven || a.issuerGiven) {
        err << "helios users " << sub << ": --ttl, --audience and --issuer belong to token\n";
        return Usage;
    }

    auto backends = openBackends(config);
    if (!backends.ok())
        return fail(out, err, a.json, backends.error());
    landing::UserDirectory users(*backends->store, *backends->cache);

    if (sub == QLatin1StringView("list")) {
        const auto listed = users.list();
        if (!listed.ok())
            return fail(out, err, a.json, listed.error());
        QJsonArray rows;
        for (const landing::UserRecord &u : *listed) {
            const QString created = u.createdAt.toString(Qt::ISODate);
            const QString updated = u.updatedAt.toString(Qt::ISODate);
            if (a.json)
                rows.append(QJsonObject{{QStringLiteral("subject"), u.subject},
                                        {QStringLiteral("role"), landing::roleName(u.role)},
                                        {QStringLiteral("createdAt"), created},
                                        {QStringLiteral("updatedAt"), updated}});
            else
                out << u.subject.leftJustified(32) << ' '
                    << landing::roleName(u.role).leftJustified(10) << ' ' << updated << '\n';
        }
        if (a.json)
            out << jsonLine(
                QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("users"), rows}});
        else if (listed->isEmpty())
            err << "no users; add one with: helios users add <subject> --role admin\n";
        return Success;
    }

    const QString subject = a.positional.at(1);
    Result<void> done = sub == QLatin1StringView("add")    ? users.add(subject, *role)
                        : sub == QLatin1StringView("role") ? users.setRole(subject, *role)
                                                           : users.remove(subject);
    if (!done.ok())
        return fail(out, err, a.json, done.error());
    if (a.json) {
        QJsonObject result{{QStringLiteral("ok"), true}, {QStringLiteral("subject"), subject}};
        if (role)
            result.insert(QStringLiteral("role"), landing::roleName(*role));
        else
            result.insert(QStringLiteral("removed"), true);
        out << jsonLine(result);
    } else if (sub == QLatin1StringView("add")) {
        out << "added " << subject << " as " << landing::roleName(*role) << '\n';
    } else if (sub == QLatin1StringView("role")) {
        out << subject << " is now " << landing::roleName(*role) << '\n';
    } else {
        out << "removed " << subject << '\n';
    }
    return Success;
}

} // namespace helios::cli
