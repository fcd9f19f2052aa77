// SPDX-License-Identifier: Apache-2.0
#include "engine_handoff.h"

#include "cli.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>

#include <unistd.h>

namespace helios::cli {

namespace {

std::string executableDirectory()
{
    char path[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0)
        return {};
    const std::string self(path, size_t(n));
    return self.substr(0, self.rfind('/'));
}

} // namespace

const char *commandName(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *a = argv[i];
        if (std::strncmp(a, "--", 2) != 0)
            return a;
        if (std::strcmp(a, "--config") == 0 || std::strcmp(a, "--data-dir") == 0)
            ++i; // skips the option's value
    }
    return nullptr;
}

int runInEngine(char **argv)
{
    const std::string dir = executableDirectory();
    const std::string candidates[] = {dir + "/helios-engine", dir + "/../libexec/helios/helios-engine"};
    for (const std::string &candidate : candidates) {
        if (access(candidate.c_str(), X_OK) != 0)
            continue;
        execv(candidate.c_str(), argv);
        std::fprintf(stderr, "helios: cannot run %s: %s\n", candidate.c_str(), std::strerror(errno));
        return Failure;
    }
    std::fprintf(stderr, "helios: helios-engine is missing (looked in %s and %s); reinstall helios\n",
                 candidates[0].c_str(), candidates[1].c_str());
    return Failure;
}

} // namespace helios::cli
