# SPDX-License-Identifier: Apache-2.0
# Packages: `cpack` in the build tree writes a Debian package (installed under /usr, its
# library dependencies found by dpkg-shlibdeps) and a relocatable .tar.gz. Both hold what
# the targets install (helios, helios-engine, helios-workbench, the .desktop file, the
# icon) plus what is installed below: the systemd unit, the Kubernetes manifests and
# IGNIS's pinned JavaScript toolchain.

# The engine finds the toolchain at <prefix>/share/helios/toolchain; it is npm's tree
# from resources/toolchain (scripts/setup runs npm ci there). Without it an installed
# Helios cannot build, so a tree that lacks it says so at configure time.
set(HELIOS_TOOLCHAIN_SOURCE "${PROJECT_SOURCE_DIR}/resources/toolchain")
if(NOT EXISTS "${HELIOS_TOOLCHAIN_SOURCE}/node_modules/esbuild/package.json")
  message(WARNING "packaging: ${HELIOS_TOOLCHAIN_SOURCE}/node_modules is missing (run scripts/setup): "
                  "packages built now would have no esbuild")
endif()
install(FILES "${HELIOS_TOOLCHAIN_SOURCE}/package.json" "${HELIOS_TOOLCHAIN_SOURCE}/package-lock.json"
        DESTINATION share/helios/toolchain)
# USE_SOURCE_PERMISSIONS keeps esbuild's native binary executable.
install(DIRECTORY "${HELIOS_TOOLCHAIN_SOURCE}/node_modules"
        DESTINATION share/helios/toolchain USE_SOURCE_PERMISSIONS OPTIONAL)

# `helios serve` as a service (shipped disabled: `systemctl enable --now helios-serve`).
install(FILES "${PROJECT_SOURCE_DIR}/installers/helios-serve.service" DESTINATION lib/systemd/system)
install(FILES "${PROJECT_SOURCE_DIR}/installers/helios.env" DESTINATION share/doc/helios/examples)
# The manifests for the seed's two Kubernetes nodes, and how to use them.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/installers/kubernetes" DESTINATION share/helios
        FILES_MATCHING PATTERN "*.yaml")
install(FILES "${PROJECT_SOURCE_DIR}/installers/README.md" DESTINATION share/doc/helios RENAME installers.md)

set(CPACK_PACKAGE_NAME "helios-workbench")
set(CPACK_PACKAGE_VENDOR "Helios")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "Helios maintainers <helios@lumenforge.io>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Design-system workbench: design tokens, component generation, live preview, builds, deployments")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
  "Helios Workbench is a Qt desktop application (helios-workbench) and a headless CLI and "
  "HTTPS server (helios) over one engine: DTCG design tokens built to CSS, SCSS, TypeScript "
  "and Tailwind; React component generation from prompts; esbuild builds with a "
  "hot-reloading dev server; OCI images; deployments with approvals and rollback.")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGE_FILE_NAME "${CPACK_PACKAGE_NAME}-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")
# RelWithDebInfo binaries are mostly debug information; packages ship them stripped.
set(CPACK_STRIP_FILES ON)
# Archives unpack into one top-level directory laid out like a prefix (bin/, libexec/,
# share/); the DEB installs that layout under /usr (CPACK_PACKAGING_INSTALL_PREFIX's
# default for DEB).
set(CPACK_INCLUDE_TOPLEVEL_DIRECTORY ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://lumenforge.io/helios")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Only shared-library dependencies are needed to run; esbuild is bundled. Node.js makes the
# dev server's single-module compiles faster (a long-lived transform process) and Qt's own
# translations follow the chosen language in standard dialogs.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "nodejs, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
