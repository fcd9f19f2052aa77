// SPDX-License-Identifier: Apache-2.0
#include "router.h"

#include <QUrl>
#include <QVarLengthArray>

namespace helios::server {

std::optional<landing::Role> requiredRole(Access access)
{
    switch (access) {
    case Access::Public:
        return std::nullopt;
    case Access::Viewer:
        return landing::Role::Viewer;
    case Access::Developer:
        return landing::Role::Developer;
    case Access::Admin:
        return landing::Role::Admin;
    }
    return landing::Role::Admin;
}

QString RequestContext::parameter(QStringView name) const
{
    for (const auto &[key, value] : parameters) {
        if (key == name)
            return value;
    }
    return {};
}

namespace {

bool isParameter(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}

std::vector<QString> splitPattern(const QString &pattern)
{
    std::vector<QString> segments;
    for (const QString &part : pattern.split(u'/', Qt::SkipEmptyParts))
        segments.push_back(part);
    return segments;
}

} // namespace

bool Router::add(RouteSpec spec, RouteHandler handler)
{
    if (!spec.pattern.startsWith(u'/') || spec.method.isEmpty() || !handler)
        return false;
    std::vector<QString> segments = splitPattern(spec.pattern);
    for (const QString &segment : segments) {
        if ((segment.contains(u'{') || segment.contains(u'}')) && !isParameter(segment))
            return false;
    }
    // Two patterns of the same shape (parameters in the same places) would be ambiguous.
    const auto sameShape = [&segments](const std::vector<QString> &other) {
        if (other.size() != segments.size())
            return false;
        for (size_t i = 0; i < other.size(); ++i) {
            const bool parameter = isParameter(other[i]);
            if (parameter != isParameter(segments[i]) || (!parameter && other[i] != segments[i]))
                return false;
        }
        return true;
    };
    for (const auto &route : m_routes) {
        if (route->spec.method == spec.method && sameShape(route->segments))
            return false;
    }
    auto route = std::make_unique<Route>();
    route->spec = std::move(spec);
    route->handler = std::move(handler);
    route->segments = std::move(segments);
    m_routes.push_back(std::move(route));
    return true;
}

Router::Match Router::match(QByteArrayView method, QByteArrayView rawPath) const
{
    // Split the raw path once; a route count in the tens makes a linear scan cheaper
    // than any index.
    QVarLengthArray<QByteArrayView, 12> parts;
    qsizetype start = 0;
    while (start < rawPath.size()) {
        qsizetype end = rawPath.indexOf('/', start);
        if (end < 0)
            end = rawPath.size();
        if (end > start)
            parts.append(rawPath.sliced(start, end - start));
        start = end + 1;
    }

    Match best;
    int bestLiterals = -1;
    for (const auto &route : m_routes) {
        if (qsizetype(route->segments.size()) != parts.size())
            continue;
        int literals = 0;
        bool fits = true;
        for (qsizetype i = 0; i < parts.size() && fits; ++i) {
            const QString &segment = route->segments[size_t(i)];
            if (isParameter(segment))
                continue;
            fits = segment == QLatin1StringView(parts[i]);
            ++literals;
        }
        if (!fits)
            continue;
        if (route->spec.method != method) {
            if (!best.allowedMethods.contains(route->spec.method))
                best.allowedMethods.append(route->spec.method);
            continue;
        }
        if (literals <= bestLiterals)
            continue;
        bestLiterals = literals;
        best.route = route.get();
        best.parameters.clear();
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QString &segment = route->segments[size_t(i)];
            if (isParameter(segment)) {
                best.parameters.append({segment.mid(1, segment.size() - 2),
                                        QUrl::fromPercentEncoding(parts[i].toByteArray())});
            }
        }
    }
    if (best.route)
        best.allowedMethods.clear();
    return best;
}

} // namespace helios::server
