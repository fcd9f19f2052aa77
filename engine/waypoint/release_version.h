// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/result.h"

#include <QString>

namespace helios::waypoint {

// How a project's release versions advance (helios.json deploy.version).
enum class VersionScheme { SemverPatch, SemverMinor, SemverMajor, BuildNumber };

// "semver-patch" (default), "semver-minor", "semver-major", "build-number".
Result<VersionScheme> versionSchemeFromName(const QString &name);
QString versionSchemeName(VersionScheme scheme);

// The version of the next release. `previous` is the last release's version (empty for
// the first), `baseline` the project's package.json version (a semver first release
// starts there, "0.1.0" without one), `number` the next release's number. A semver
// scheme bumps `previous` (pre-release and build suffixes dropped); if `baseline` is
// already higher, baseline wins. BuildNumber gives String(number). InvalidArgument when
// `previous` or `baseline` is not semver under a semver scheme.
Result<QString> nextVersion(VersionScheme scheme, const QString &previous, const QString &baseline, int number);

} // namespace helios::waypoint
