// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ignis/build_report.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace helios {
class Engine;
}

namespace helios::ignis {

// Where a running build is, for a progress bar: `step` of `steps` done, now in `phase`.
struct BuildProgress {
    int step = 0;
    int steps = 0;
    QString phase;   // as in BuildPhase::name
    QString text;    // one line for a log
};

struct BuildOptions {
    QString projectDir;
    bool useCache = true;
    // After a successful build, publish the output as an OCI image (see build_image.h)
    // tagged `version`, on `imageBase` (both default to the project's settings).
    bool publish = false;
    QString version;
    QString imageBase;
    // Called on the thread that runs the build, between steps. Keep it short.
    std::function<void(const BuildProgress &)> progress;
    // Checked between steps and while esbuild runs; true ends the build as failed.
    const std::atomic_bool *cancelled = nullptr;
};

// A production build of a project (helios.json): the token stylesheet from SLATE, one
// esbuild bundle per entry (minified, source maps, hashed names), each page's HTML
// pointed at its outputs, and a manifest.json of every file with size and digest.
//
// Every step is keyed by a digest of its inputs in the BuildCache. An unchanged project
// is a hit that writes nothing when the output directory is intact (or restores it from
// the cache when not); after an edit, only the steps whose inputs changed run again.
//
// Output is staged under <project>/.helios and moved into place only when every step
// succeeded: a failed build leaves the previous output as it was. The build is recorded
// in the Store's history and announced with build.started and build.completed or
// build.failed. Blocking: run it on a worker thread in an application.
class ProductionBuild {
public:
    ProductionBuild(Engine &engine, BuildOptions options);
    ~ProductionBuild();

    BuildReport run();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace helios::ignis
