# CPack: `cpack -G DEB` in the build directory makes countersign_<version>_<arch>.deb with both
# executables, the desktop entry and the icon.
install(FILES ${PROJECT_SOURCE_DIR}/resources/countersign.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/countersign.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

set(CPACK_PACKAGE_NAME "countersign")
set(CPACK_PACKAGE_VENDOR "Countersign developers")
set(CPACK_PACKAGE_CONTACT "Countersign developers <countersign@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Bank branch terminal for tellers, supervisors and auditors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time as plugins, so dpkg-shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-psql, libqt6sql6-sqlite, libqt6svg6, libsecret-1-0, qt6-qpa-plugins, fonts-wqy-microhei")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-translations-l10n")
set(CPACK_STRIP_FILES ON)
include(CPack)
