// SPDX-License-Identifier: Apache-2.0
#include "waypoint/kubernetes/kubernetes_manifests.h"

#include "image_reference.h"

#include <QJsonArray>

#include <algorithm>

namespace helios::waypoint {

namespace {

constexpr int MaxNameLength = 63; // DNS-1123 label
constexpr int ServicePort = 80;

// Lower case, [a-z0-9-], no leading/trailing/double '-': a DNS-1123 label's alphabet.
QString dnsSafe(const QString &text)
{
    QString out;
    for (const QChar c : text.toLower()) {
        const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (allowed)
            out += c;
        else if (!out.isEmpty() && !out.endsWith(u'-'))
            out += u'-';
    }
    while (out.endsWith(u'-'))
        out.chop(1);
    return out;
}

QString projectLabel(const QString &projectName)
{
    const QString safe = dnsSafe(projectName);
    return safe.isEmpty() ? QStringLiteral("app") : safe;
}

// "<project>-<env>", at most 63 characters; a long project name is shortened, never the
// environment, so that the environments of one project never share a name.
QString objectName(const QString &projectName, const QString &environment)
{
    const QString env = dnsSafe(environment).left(20);
    QString project = projectLabel(projectName);
    const int room = MaxNameLength - int(env.size()) - (env.isEmpty() ? 0 : 1);
    project = project.left(room);
    while (project.endsWith(u'-'))
        project.chop(1);
    return env.isEmpty() ? project : project + u'-' + env;
}

// A label value: at most 63 of [A-Za-z0-9._-], starting and ending alphanumeric
// ("1.4.2+build.7" becomes "1.4.2-build.7").
QString labelValue(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'.' || c == u'_' || c == u'-';
        out += allowed ? c : u'-';
    }
    out = out.left(MaxNameLength);
    const auto alnum = [](QChar c) { return c.isLetterOrNumber() && c.unicode() < 0x80; };
    while (!out.isEmpty() && !alnum(out.front()))
        out.remove(0, 1);
    while (!out.isEmpty() && !alnum(out.back()))
        out.chop(1);
    return out;
}

QString imageReference(const Release &release, const KubernetesSettings &settings)
{
    QString registry = settings.registry;
    while (registry.endsWith(u'/'))
        registry.chop(1);
    const QString repository = repositoryOf(release.image);
    return (registry.isEmpty() ? repository : registry + u'/' + repository) + u'@' + release.imageDigest;
}

int secondsAtLeastOne(int ms)
{
    return std::max(1, (ms + 999) / 1000);
}

QJsonObject metadata(const QString &name, const KubernetesSettings &settings, const QJsonObject &labels,
                     const QJsonObject &annotations = {})
{
    QJsonObject meta{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), settings.ns},
                     {QStringLiteral("labels"), labels}};
    if (!annotations.isEmpty())
        meta.insert(QStringLiteral("annotations"), annotations);
    return meta;
}

QJsonObject readinessProbe(const HealthCheck &health)
{
    return {{QStringLiteral("httpGet"),
             QJsonObject{{QStringLiteral("path"), health.path}, {QStringLiteral("port"), QStringLiteral("http")}}},
            {QStringLiteral("periodSeconds"), secondsAtLeastOne(health.intervalMs)},
            {QStringLiteral("timeoutSeconds"), secondsAtLeastOne(health.timeoutMs)},
            {QStringLiteral("successThreshold"), std::max(1, health.successThreshold)},
            {QStringLiteral("failureThreshold"), std::max(1, health.attempts)}};
}

} // namespace

KubernetesObjects kubernetesObjects(const QString &projectName, const Release &release,
                                    const EnvironmentPolicy &environment, const KubernetesSettings &settings)
{
    KubernetesObjects objects;
    objects.name = objectName(projectName, environment.name);
    const QString &name = objects.name;

    // The selector must stay the same for every release (it is immutable in the API), so
    // it holds only what names the environment's workload.
    const QJsonObject selector{{QStringLiteral("app.kubernetes.io/name"), labelValue(projectLabel(projectName))},
                               {QStringLiteral("app.kubernetes.io/instance"), name}};
    QJsonObject labels = selector;
    labels.insert(QStringLiteral("app.kubernetes.io/version"), labelValue(release.version));
    labels.insert(QStringLiteral("app.kubernetes.io/managed-by"), QStringLiteral("helios"));
    labels.insert(QStringLiteral("helios.dev/environment"), labelValue(environment.name));
    labels.insert(QStringLiteral("helios.dev/release"), labelValue(release.id));

    // A different release id changes the pod template, which is what makes re-applying
    // an older release roll the pods back even if someone re-tagged the image.
    const QJsonObject podAnnotations{{QStringLiteral("helios.dev/release-id"), release.id},
                                     {QStringLiteral("helios.dev/image-digest"), release.imageDigest}};
    const QJsonObject deploymentAnnotations{
        {QStringLiteral("kubernetes.io/change-cause"),
         QStringLiteral("helios deploy %1 (release %2)").arg(release.version, release.id)},
        {QStringLiteral("helios.dev/release-id"), release.id}};

    const QJsonObject container{
        {QStringLiteral("name"), QStringLiteral("web")},
        {QStringLiteral("image"), imageReference(release, settings)},
        {QStringLiteral("ports"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("http")},
                                {QStringLiteral("containerPort"), settings.containerPort},
                                {QStringLiteral("protocol"), QStringLiteral("TCP")}}}},
        {QStringLiteral("readinessProbe"), readinessProbe(environment.health)}};

    objects.deployment = {
        {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
        {QStringLiteral("kind"), QStringLiteral("Deployment")},
        {QStringLiteral("metadata"), metadata(name, settings, labels, deploymentAnnotations)},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("replicas"), settings.replicas},
             {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), selector}}},
             // Old pods go only when new ones are ready: the environment never has fewer
             // ready replicas than asked for during a rollout.
             {QStringLiteral("strategy"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("RollingUpdate")},
                          {QStringLiteral("rollingUpdate"),
                           QJsonObject{{QStringLiteral("maxUnavailable"), 0}, {QStringLiteral("maxSurge"), 1}}}}},
             // The cluster gives up (ProgressDeadlineExceeded) when WAYPOINT would stop waiting.
             {QStringLiteral("progressDeadlineSeconds"), secondsAtLeastOne(settings.rolloutTimeoutMs)},
             {QStringLiteral("template"),
              QJsonObject{{QStringLiteral("metadata"),
                           QJsonObject{{QStringLiteral("labels"), labels},
                                       {QStringLiteral("annotations"), podAnnotations}}},
                          {QStringLiteral("spec"),
                           QJsonObject{{QStringLiteral("containers"), QJsonArray{container}}}}}}}}};

    objects.service = {
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Service")},
        {QStringLiteral("metadata"), metadata(name, settings, labels)},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("ClusterIP")},
                     {QStringLiteral("selector"), selector},
                     {QStringLiteral("ports"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("http")},
                                             {QStringLiteral("port"), ServicePort},
                                             {QStringLiteral("targetPort"), settings.containerPort},
                                             {QStringLiteral("protocol"), QStringLiteral("TCP")}}}}}}};

    QJsonObject rule{
        {QStringLiteral("http"),
         QJsonObject{{QStringLiteral("paths"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("path"), QStringLiteral("/")},
                          {QStringLiteral("pathType"), QStringLiteral("Prefix")},
                          {QStringLiteral("backend"),
                           QJsonObject{{QStringLiteral("service"),
                                        QJsonObject{{QStringLiteral("name"), name},
                                                    {QStringLiteral("port"),
                                                     QJsonObject{{QStringLiteral("number"), ServicePort}}}}}}}}}}}}};
    if (!settings.host.isEmpty())
        rule.insert(QStringLiteral("host"), settings.host);
    QJsonObject ingressSpec{{QStringLiteral("rules"), QJsonArray{rule}}};
    if (!settings.ingressClass.isEmpty())
        ingressSpec.insert(QStringLiteral("ingressClassName"), settings.ingressClass);
    objects.ingress = {{QStringLiteral("apiVersion"), QStringLiteral("networking.k8s.io/v1")},
                       {QStringLiteral("kind"), QStringLiteral("Ingress")},
                       {QStringLiteral("metadata"), metadata(name, settings, labels)},
                       {QStringLiteral("spec"), ingressSpec}};
    return objects;
}

} // namespace helios::waypoint
