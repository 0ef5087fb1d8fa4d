"""Debian 12 packages of the fake shell's machine: written by scripts/gen_debian_packages.py, do not edit."""

# fmt: off
# ruff: noqa: E501

STATUS = ('Package: adduser\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: admin\n'
 'Installed-Size: 686\n'
 'Maintainer: Debian Adduser Developers <adduser@packages.debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Version: 3.134\n'
 'Depends: passwd\n'
 'Suggests: liblocale-gettext-perl, perl, cron, quota\n'
 'Conffiles:\n'
 ' /etc/adduser.conf cc3493ecd2d09837ffdcc3e25fdfff18\n'
 ' /etc/deluser.conf 11a06baf8245fd8d690b99024d228c1f\n'
 'Description: add and remove users and groups\n'
 " This package includes the 'adduser' and 'deluser' commands for creating\n"
 ' and removing users.\n'
 ' .\n'
 "  - 'adduser' creates new users and groups and adds existing users to\n"
 '    existing groups;\n'
 "  - 'deluser' removes users and groups and removes users from a given\n"
 '    group.\n'
 ' .\n'
 " Adding users with 'adduser' is much easier than adding them manually.\n"
 " 'Adduser' will choose UID and GID values that conform to Debian policy,\n"
 ' create a home directory, copy skeletal user configuration, and\n'
 " automate setting initial values for the user's password, real name\n"
 ' and so on.\n'
 ' .\n'
 " 'Deluser' can back up and remove users' home directories\n"
 ' and mail spool or all the files they own on the system.\n'
 ' .\n'
 ' A custom script can be executed after each of the commands.\n'
 ' .\n'
 " 'Adduser' and 'Deluser' are intended to be used by the local\n"
 " administrator in lieu of the tools from the 'useradd' suite, and\n"
 ' they provide support for easy use from Debian package maintainer\n'
 ' scripts, functioning as kind of a policy layer to make those scripts\n'
 ' easier and more stable to write and maintain.\n'
 '\n'
 'Package: apt\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: admin\n'
 'Installed-Size: 4232\n'
 'Maintainer: APT Development Team <deity@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Version: 2.6.1\n'
 'Replaces: apt-transport-https (<< 1.5~alpha4~), apt-utils (<< 1.3~exp2~)\n'
 'Provides: apt-transport-https (= 2.6.1)\n'
 'Depends: adduser, gpgv | gpgv2 | gpgv1, libapt-pkg6.0 (>= 2.6.1), debian-archive-keyring, '
 'libc6 (>= 2.34), libgcc-s1 (>= 3.0), libgnutls30 (>= 3.7.5), libseccomp2 (>= 2.4.2), '
 'libstdc++6 (>= 11), libsystemd0\n'
 'Recommends: ca-certificates\n'
 'Suggests: apt-doc, aptitude | synaptic | wajig, dpkg-dev (>= 1.17.2), gnupg | gnupg2 | '
 'gnupg1, powermgmt-base\n'
 'Breaks: apt-transport-https (<< 1.5~alpha4~), apt-utils (<< 1.3~exp2~), aptitude (<< '
 '0.8.10)\n'
 'Conffiles:\n'
 ' /etc/apt/apt.conf.d/01autoremove 879455db9b938ce287b23383629aedce\n'
 ' /etc/cron.daily/apt-compat 1400ab07a4a2905b04c33e3e93d42b7b\n'
 ' /etc/logrotate.d/apt 179f2ed4f85cbaca12fa3d69c2a4a1c3\n'
 'Description: commandline package manager\n'
 ' This package provides commandline tools for searching and\n'
 ' managing as well as querying information about packages\n'
 ' as a low-level access to all features of the libapt-pkg library.\n'
 ' .\n'
 ' These include:\n'
 '  * apt-get for retrieval of packages and information about them\n'
 '    from authenticated sources and for installation, upgrade and\n'
 '    removal of packages together with their dependencies\n'
 '  * apt-cache for querying available information about installed\n'
 '    as well as installable packages\n'
 '  * apt-cdrom to use removable media as a source for packages\n'
 '  * apt-config as an interface to the configuration settings\n'
 '  * apt-key as an interface to manage authentication keys\n'
 '\n'
 'Package: base-files\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: admin\n'
 'Installed-Size: 341\n'
 'Maintainer: Santiago Vila <sanvila@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 12.4+deb12u11\n'
 'Replaces: base, dpkg (<= 1.15.0), miscutils\n'
 'Provides: base\n'
 'Pre-Depends: awk\n'
 'Breaks: debian-security-support (<< 2019.04.25), initscripts (<< 2.88dsf-13.3), sendfile (<< '
 '2.1b.20080616-5.2~)\n'
 'Conffiles:\n'
 ' /etc/debian_version 8031d1483ffa9c819e6be94c6c77fd2a\n'
 ' /etc/dpkg/origins/debian c47b6815f67ad1aeccb0d4529bd0b990\n'
 ' /etc/host.conf 4eb63731c9f5e30903ac4fc07a7fe3d6\n'
 ' /etc/issue 349d61a0e072d678e3e94923f0c3ce0e\n'
 ' /etc/issue.net 3ae9b9ff69a78d614864f1957778fecb\n'
 ' /etc/update-motd.d/10-uname 9e1b832b7b06f566156e7c9e0548247b\n'
 'Description: Debian base system miscellaneous files\n'
 ' This package contains the basic filesystem hierarchy of a Debian system, and\n'
 ' several important miscellaneous files, such as /etc/debian_version,\n'
 ' /etc/host.conf, /etc/issue, /etc/motd, /etc/profile, and others,\n'
 ' and the text of several common licenses in use on Debian systems.\n'
 '\n'
 'Package: base-passwd\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: admin\n'
 'Installed-Size: 247\n'
 'Maintainer: Colin Watson <cjwatson@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 3.6.1\n'
 'Replaces: base\n'
 'Depends: libc6 (>= 2.34), libdebconfclient0 (>= 0.145), libselinux1 (>= 3.1~)\n'
 'Recommends: debconf (>= 0.5) | debconf-2.0\n'
 'Description: Debian base system master password and group files\n'
 ' These are the canonical master copies of the user database files\n'
 ' (/etc/passwd and /etc/group), containing the Debian-allocated user and\n'
 ' group IDs. The update-passwd tool is provided to keep the system databases\n'
 ' synchronized with these master files.\n'
 '\n'
 'Package: bash\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: shells\n'
 'Installed-Size: 7164\n'
 'Maintainer: Matthias Klose <doko@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: bash (5.2.15-2)\n'
 'Version: 5.2.15-2+b8\n'
 'Replaces: bash-completion (<< 20060301-0), bash-doc (<= 2.05-1)\n'
 'Depends: base-files (>= 2.1.12), debianutils (>= 5.6-0.1)\n'
 'Pre-Depends: libc6 (>= 2.36), libtinfo6 (>= 6)\n'
 'Recommends: bash-completion (>= 20060301-0)\n'
 'Suggests: bash-doc\n'
 'Conflicts: bash-completion (<< 20060301-0)\n'
 'Conffiles:\n'
 ' /etc/bash.bashrc 89269e1298235f1b12b4c16e4065ad0d\n'
 ' /etc/skel/.bash_logout 22bfb8c1dd94b5f3813a2b25da67463f\n'
 ' /etc/skel/.bashrc ee35a240758f374832e809ae0ea4883a\n'
 ' /etc/skel/.profile f4e81ade7d6f9fb342541152d08e7a97\n'
 'Description: GNU Bourne Again SHell\n'
 ' Bash is an sh-compatible command language interpreter that executes\n'
 ' commands read from the standard input or from a file.  Bash also\n'
 ' incorporates useful features from the Korn and C shells (ksh and csh).\n'
 ' .\n'
 ' Bash is ultimately intended to be a conformant implementation of the\n'
 ' IEEE POSIX Shell and Tools specification (IEEE Working Group 1003.2).\n'
 ' .\n'
 ' The Programmable Completion Code, by Ian Macdonald, is now found in\n'
 ' the bash-completion package.\n'
 'Homepage: http://tiswww.case.edu/php/chet/bash/bashtop.html\n'
 '\n'
 'Package: bc\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: math\n'
 'Installed-Size: 241\n'
 'Maintainer: Ryan Kavanagh <rak@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: bc (1.07.1-3)\n'
 'Version: 1.07.1-3+b1\n'
 'Depends: libc6 (>= 2.14), libreadline8 (>= 6.0)\n'
 'Description: GNU bc arbitrary precision calculator language\n'
 ' GNU bc is an interactive algebraic language with arbitrary precision which\n'
 ' follows the POSIX 1003.2 draft standard, with several extensions including\n'
 " multi-character variable names, an `else' statement and full Boolean\n"
 ' expressions.  GNU bc does not require the separate GNU dc program.\n'
 'Homepage: https://www.gnu.org/software/bc/\n'
 '\n'
 'Package: bind9-dnsutils\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: net\n'
 'Installed-Size: 501\n'
 'Maintainer: Debian DNS Team <team+dns@tracker.debian.org>\n'
 'Architecture: amd64\n'
 'Source: bind9\n'
 'Version: 1:9.18.49-1~deb12u3\n'
 'Provides: dnsutils\n'
 'Depends: bind9-host | host, bind9-libs (= 1:9.18.49-1~deb12u3), libc6 (>= 2.34), libedit2 '
 '(>= 2.11-20080614-0), libidn2-0 (>= 2.0.0), libjemalloc2 (>= 3.5.0), libkrb5-3 (>= '
 '1.6.dfsg.2), libprotobuf-c1 (>= 1.0.0)\n'
 'Breaks: bind-dnsutils (<< 1:9.13.6~), dnsutils (<< 1:9.13.6~)\n'
 'Conflicts: bind-dnsutils (<< 1:9.13.6~), dnsutils (<< 1:9.13.6~)\n'
 'Description: Clients provided with BIND 9\n'
 ' The Berkeley Internet Name Domain (BIND 9) implements an Internet domain\n'
 ' name server.  BIND 9 is the most widely-used name server software on the\n'
 ' Internet, and is supported by the Internet Software Consortium, www.isc.org.\n'
 ' .\n'
 ' This package delivers various client programs related to DNS that are\n'
 ' derived from the BIND 9 source tree.\n'
 ' .\n'
 '  - dig - query the DNS in various ways\n'
 '  - nslookup - the older way to do it\n'
 '  - nsupdate - perform dynamic updates (See RFC2136)\n'
 'Homepage: https://www.isc.org/downloads/bind/\n'
 '\n'
 'Package: bind9-host\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: net\n'
 'Installed-Size: 147\n'
 'Maintainer: Debian DNS Team <team+dns@tracker.debian.org>\n'
 'Architecture: amd64\n'
 'Source: bind9\n'
 'Version: 1:9.18.49-1~deb12u3\n'
 'Replaces: bind-host (<< 1:9.13.6~)\n'
 'Provides: host\n'
 'Depends: bind9-libs (= 1:9.18.49-1~deb12u3), libc6 (>= 2.34), libidn2-0 (>= 2.0.0), '
 'libjemalloc2 (>= 3.5.0)\n'
 'Breaks: bind-host (<< 1:9.13.6~)\n'
 'Description: DNS Lookup Utility\n'
 " This package provides the 'host' DNS lookup utility in the form that\n"
 ' is bundled with the BIND 9 sources.\n'
 'Homepage: https://www.isc.org/downloads/bind/\n'
 '\n'
 'Package: bind9-libs\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: libs\n'
 'Installed-Size: 3509\n'
 'Maintainer: Debian DNS Team <team+dns@tracker.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: bind9\n'
 'Version: 1:9.18.49-1~deb12u3\n'
 'Replaces: bind-libs (<< 1:9.13.6~)\n'
 'Depends: libuv1 (>= 1.40.0), libc6 (>= 2.34), libfstrm0 (>= 0.2.0), libgssapi-krb5-2 (>= '
 '1.17), libjemalloc2 (>= 4.0.0), libjson-c5 (>= 0.15), libkrb5-3 (>= 1.6.dfsg.2), liblmdb0 '
 '(>= 0.9.7), libmaxminddb0 (>= 1.3.0), libnghttp2-14 (>= 1.12.0), libprotobuf-c1 (>= 1.0.1), '
 'libssl3 (>= 3.0.0), libxml2 (>= 2.7.4), zlib1g (>= 1:1.1.4)\n'
 'Breaks: bind-libs (<< 1:9.13.6~)\n'
 'Description: Shared Libraries used by BIND 9\n'
 ' The Berkeley Internet Name Domain (BIND 9) implements an Internet domain\n'
 ' name server.  BIND 9 is the most widely-used name server software on the\n'
 ' Internet, and is supported by the Internet Software Consortium, www.isc.org.\n'
 ' .\n'
 ' This package contains a bundle of shared libraries used by BIND 9.\n'
 'Homepage: https://www.isc.org/downloads/bind/\n'
 '\n'
 'Package: bsdutils\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: utils\n'
 'Installed-Size: 355\n'
 'Maintainer: util-linux packagers <util-linux@packages.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: util-linux (2.38.1-5+deb12u3)\n'
 'Version: 1:2.38.1-5+deb12u3\n'
 'Pre-Depends: libc6 (>= 2.34), libsystemd0\n'
 'Recommends: bsdextrautils\n'
 'Description: basic utilities from 4.4BSD-Lite\n'
 ' This package contains the bare minimum of BSD utilities needed for a Debian\n'
 ' system: logger, renice, script, scriptlive, scriptreplay and wall. The\n'
 ' remaining standard BSD utilities are provided by bsdextrautils.\n'
 'Homepage: https://www.kernel.org/pub/linux/utils/util-linux/\n'
 '\n'
 'Package: bzip2\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: utils\n'
 'Installed-Size: 121\n'
 'Maintainer: Anibal Monsalve Salazar <anibal@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: bzip2 (1.0.8-5)\n'
 'Version: 1.0.8-5+b1\n'
 'Replaces: libbz2 (<< 0.9.5d-3)\n'
 'Depends: libbz2-1.0 (= 1.0.8-5+b1), libc6 (>= 2.34)\n'
 'Suggests: bzip2-doc\n'
 'Description: high-quality block-sorting file compressor - utilities\n'
 ' bzip2 is a freely available, patent free, data compressor.\n'
 ' .\n'
 ' bzip2 compresses files using the Burrows-Wheeler block-sorting text\n'
 ' compression algorithm, and Huffman coding.  Compression is generally\n'
 ' considerably better than that achieved by more conventional\n'
 ' LZ77/LZ78-based compressors, and approaches the performance of the PPM\n'
 ' family of statistical compressors.\n'
 ' .\n'
 ' The archive file format of bzip2 (.bz2) is incompatible with that of its\n'
 ' predecessor, bzip (.bz).\n'
 'Homepage: https://sourceware.org/bzip2/\n'
 '\n'
 'Package: ca-certificates\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: misc\n'
 'Installed-Size: 387\n'
 'Maintainer: Julien Cristau <jcristau@debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Version: 20230311+deb12u1\n'
 'Depends: openssl (>= 1.1.1), debconf (>= 0.5) | debconf-2.0\n'
 'Breaks: ca-certificates-java (<< 20121112+nmu1)\n'
 'Enhances: openssl\n'
 'Description: Common CA certificates\n'
 " Contains the certificate authorities shipped with Mozilla's browser to allow\n"
 ' SSL-based applications to check for the authenticity of SSL connections.\n'
 ' .\n'
 ' Please note that Debian can neither confirm nor deny whether the\n'
 ' certificate authorities whose certificates are included in this package\n'
 ' have in any way been audited for trustworthiness or RFC 3647 compliance.\n'
 ' Full responsibility to assess them belongs to the local system\n'
 ' administrator.\n'
 '\n'
 'Package: coreutils\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: utils\n'
 'Installed-Size: 18062\n'
 'Maintainer: Michael Stone <mstone@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 9.1-1\n'
 'Pre-Depends: libacl1 (>= 2.2.23), libattr1 (>= 1:2.4.44), libc6 (>= 2.34), libgmp10 (>= '
 '2:6.2.1+dfsg1), libselinux1 (>= 3.1~)\n'
 'Description: GNU core utilities\n'
 ' This package contains the basic file, shell and text manipulation\n'
 ' utilities which are expected to exist on every operating system.\n'
 ' .\n'
 ' Specifically, this package includes:\n'
 ' arch base64 basename cat chcon chgrp chmod chown chroot cksum comm cp\n'
 ' csplit cut date dd df dir dircolors dirname du echo env expand expr\n'
 ' factor false flock fmt fold groups head hostid id install join link ln\n'
 ' logname ls md5sum mkdir mkfifo mknod mktemp mv nice nl nohup nproc numfmt\n'
 ' od paste pathchk pinky pr printenv printf ptx pwd readlink realpath rm\n'
 ' rmdir runcon sha*sum seq shred sleep sort split stat stty sum sync tac\n'
 ' tail tee test timeout touch tr true truncate tsort tty uname unexpand\n'
 ' uniq unlink users vdir wc who whoami yes\n'
 'Homepage: http://gnu.org/software/coreutils\n'
 '\n'
 'Package: cpio\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: utils\n'
 'Installed-Size: 1141\n'
 'Maintainer: Anibal Monsalve Salazar <anibal@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 2.13+dfsg-7.1\n'
 'Replaces: cpio-mt\n'
 'Depends: libc6 (>= 2.34)\n'
 'Suggests: libarchive-dev\n'
 'Conflicts: cpio-mt, mt-st (<< 0.6)\n'
 'Description: GNU cpio -- a program to manage archives of files\n'
 ' GNU cpio is a tool for creating and extracting archives, or copying\n'
 ' files from one place to another.  It handles a number of cpio formats\n'
 ' as well as reading and writing tar files.\n'
 'Homepage: https://www.gnu.org/software/cpio/\n'
 '\n'
 'Package: dash\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: shells\n'
 'Installed-Size: 191\n'
 'Maintainer: Andrej Shadura <andrewsh@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 0.5.12-2\n'
 'Depends: debianutils (>= 5.6-0.1), dpkg (>= 1.19.1)\n'
 'Pre-Depends: libc6 (>= 2.34)\n'
 'Description: POSIX-compliant shell\n'
 ' The Debian Almquist Shell (dash) is a POSIX-compliant shell derived\n'
 ' from ash.\n'
 ' .\n'
 ' Since it executes scripts faster than bash, and has fewer library\n'
 ' dependencies (making it more robust against software or hardware\n'
 ' failures), it is used as the default system shell on Debian systems.\n'
 'Homepage: http://gondor.apana.org.au/~herbert/dash/\n'
 '\n'
 'Package: dbus\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: admin\n'
 'Installed-Size: 182\n'
 'Maintainer: Utopia Maintenance Team <pkg-utopia-maintainers@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 1.14.10-1~deb12u1\n'
 'Provides: dbus-system-bus (= 1.14.10-1~deb12u1), default-dbus-system-bus\n'
 'Depends: dbus-bin (= 1.14.10-1~deb12u1), dbus-daemon (= 1.14.10-1~deb12u1), '
 'dbus-system-bus-common (>= 1.14.10-1~deb12u1), libc6 (>= 2.34), libdbus-1-3 (= '
 '1.14.10-1~deb12u1), libexpat1 (>= 2.1~beta3), libsystemd0\n'
 'Pre-Depends: init-system-helpers (>= 1.54~)\n'
 'Suggests: default-dbus-session-bus | dbus-session-bus\n'
 'Conffiles:\n'
 ' /etc/default/dbus 0d0f25a2f993509c857eb262f6e22015\n'
 ' /etc/init.d/dbus d78b20b35de983cf6f1475dcf8cb21a1\n'
 'Description: simple interprocess messaging system (system message bus)\n'
 ' D-Bus is a message bus, used for sending messages between applications.\n'
 ' Conceptually, it fits somewhere in between raw sockets and CORBA in\n'
 ' terms of complexity.\n'
 ' .\n'
 ' D-Bus supports broadcast messages, asynchronous messages (thus\n'
 ' decreasing latency), authentication, and more. It is designed to be\n'
 ' low-overhead; messages are sent using a binary protocol, not using\n'
 ' XML. D-Bus also supports a method call mapping for its messages, but\n'
 ' it is not required; this makes using the system quite simple.\n'
 ' .\n'
 ' It comes with several bindings, including GLib, Python, Qt and Java.\n'
 ' .\n'
 ' This package provides a fully-functional D-Bus system bus with activation\n'
 ' support, used for communication between system services, and depends on\n'
 ' most of the other components of the reference implementation of D-Bus.\n'
 ' .\n'
 ' To provide a complete D-Bus session bus, install one of the packages\n'
 ' that implement the dbus-session-bus virtual package, such as\n'
 ' dbus-user-session. The recommended implementation is indicated by\n'
 ' the default-dbus-session-bus virtual package.\n'
 'Homepage: https://dbus.freedesktop.org/\n'
 '\n'
 'Package: debconf\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: admin\n'
 'Installed-Size: 491\n'
 'Maintainer: Debconf Developers <debconf-devel@lists.alioth.debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Version: 1.5.82\n'
 'Replaces: debconf-tiny\n'
 'Provides: debconf-2.0\n'
 'Recommends: apt-utils, debconf-i18n\n'
 'Suggests: debconf-doc, debconf-kde-helper, debconf-utils, libgtk3-perl, libnet-ldap-perl, '
 'libterm-readline-gnu-perl, perl, whiptail | dialog\n'
 'Conflicts: debconf-tiny, whiptail-utf8 (<= 0.50.17-13)\n'
 'Conffiles:\n'
 ' /etc/apt/apt.conf.d/70debconf 7e9d09d5801a42b4926b736b8eeabb73\n'
 ' /etc/debconf.conf 8c0619be413824f1fc7698cee0f23811\n'
 'Description: Debian configuration management system\n'
 ' Debconf is a configuration management system for debian packages. Packages\n'
 ' use Debconf to ask questions when they are installed.\n'
 '\n'
 'Package: debian-archive-keyring\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: misc\n'
 'Installed-Size: 293\n'
 'Maintainer: Debian Release Team <packages@release.debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Version: 2023.3+deb12u2\n'
 'Conffiles:\n'
 ' /etc/apt/trusted.gpg.d/debian-archive-bookworm-automatic.asc '
 '55eec060916a9d4a0db7560ab4d7bdce\n'
 ' /etc/apt/trusted.gpg.d/debian-archive-bookworm-security-automatic.asc '
 'bec0a1224f667bcd1e231b874db9bc4f\n'
 ' /etc/apt/trusted.gpg.d/debian-archive-bookworm-stable.asc fac2ec9faba2c2d82c70a6e2805c5b79\n'
 ' /etc/apt/trusted.gpg.d/debian-archive-bullseye-automatic.asc '
 '1f30ce1ba8532d523017acb1a69c106a\n'
 ' /etc/apt/trusted.gpg.d/debian-archive-bullseye-security-automatic.asc '
 '9fbe7b0d8ebb38e240aeec6b0830ac7b\n'
 ' /etc/apt/trusted.gpg.d/debian-archive-bullseye-stable.asc 85a4c0e5c747a38509b33562d4c950be\n'
 ' /etc/apt/trusted.gpg.d/debian-archive-trixie-automatic.asc '
 '556202307f6f23e343c1ba12790507be\n'
 ' /etc/apt/trusted.gpg.d/debian-archive-trixie-security-automatic.asc '
 'f421db9e00d9a98c66c396b2a210f52c\n'
 ' /etc/apt/trusted.gpg.d/debian-archive-trixie-stable.asc 91c5c0b4f6878239622087c64866c909\n'
 'Description: GnuPG archive keys of the Debian archive\n'
 ' The Debian project digitally signs its Release files. This package\n'
 ' contains the archive keys used for that.\n'
 '\n'
 'Package: debianutils\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: utils\n'
 'Installed-Size: 243\n'
 'Maintainer: Clint Adams <clint@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 5.7-0.5~deb12u1\n'
 'Pre-Depends: libc6 (>= 2.34)\n'
 'Breaks: ifupdown (<< 0.8.36+nmu1), printer-driver-pnm2ppa (<< 1.13-12), x11-common (<< '
 '1:7.7+23~)\n'
 'Description: Miscellaneous utilities specific to Debian\n'
 ' This package provides a number of small utilities which are used\n'
 ' primarily by the installation scripts of Debian packages, although\n'
 ' you may use them directly.\n'
 ' .\n'
 ' The specific utilities included are:\n'
 ' add-shell installkernel ischroot remove-shell run-parts savelog\n'
 ' update-shells which\n'
 '\n'
 'Package: diffutils\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: utils\n'
 'Installed-Size: 1598\n'
 'Maintainer: Santiago Vila <sanvila@debian.org>\n'
 'Architecture: amd64\n'
 'Version: 1:3.8-4\n'
 'Replaces: diff\n'
 'Pre-Depends: libc6 (>= 2.34)\n'
 'Suggests: diffutils-doc, wdiff\n'
 'Description: File comparison utilities\n'
 ' The diffutils package provides the diff, diff3, sdiff, and cmp programs.\n'
 ' .\n'
 " `diff' shows differences between two files, or each corresponding file\n"
 " in two directories.  `cmp' shows the offsets and line numbers where\n"
 " two files differ.  `cmp' can also show all the characters that\n"
 " differ between the two files, side by side.  `diff3' shows differences\n"
 " among three files.  `sdiff' merges two files interactively.\n"
 ' .\n'
 " The set of differences produced by `diff' can be used to distribute\n"
 ' updates to text files (such as program source code) to other people.\n'
 ' This method is especially useful when the differences are small compared\n'
 " to the complete files.  Given `diff' output, the `patch' program can\n"
 ' update, or "patch", a copy of the file.\n'
 'Homepage: https://www.gnu.org/software/diffutils/\n'
 '\n'
 'Package: dpkg\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: admin\n'
 'Installed-Size: 6409\n'
 'Maintainer: Dpkg Developers <debian-dpkg@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 1.21.22\n'
 'Depends: tar (>= 1.28-1)\n'
 'Pre-Depends: libbz2-1.0, libc6 (>= 2.34), liblzma5 (>= 5.4.0), libmd0 (>= 0.0.0), '
 'libselinux1 (>= 3.1~), libzstd1 (>= 1.5.2), zlib1g (>= 1:1.1.4)\n'
 'Suggests: apt, debsig-verify\n'
 'Breaks: libapt-pkg5.0 (<< 1.7~b), lsb-base (<< 10.2019031300)\n'
 'Conffiles:\n'
 ' /etc/alternatives/README 7be88b21f7e386c8d5a8790c2461c92b\n'
 ' /etc/cron.daily/dpkg 94bb6c1363245e46256908a5d52ba4fb\n'
 ' /etc/dpkg/dpkg.cfg f4413ffb515f8f753624ae3bb365b81b\n'
 ' /etc/logrotate.d/alternatives 5fe0af6ce1505fefdc158d9e5dbf6286\n'
 ' /etc/logrotate.d/dpkg 9e25c8505966b5829785f34a548ae11f\n'
 'Description: Debian package management system\n'
 ' This package provides the low-level infrastructure for handling the\n'
 ' installation and removal of Debian software packages.\n'
 ' .\n'
 ' For Debian package development tools, install dpkg-dev.\n'
 'Homepage: https://wiki.debian.org/Teams/Dpkg\n'
 '\n'
 'Package: e2fsprogs\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: admin\n'
 'Installed-Size: 1496\n'
 "Maintainer: Theodore Y. Ts'o <tytso@mit.edu>\n"
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 1.47.0-2\n'
 'Depends: logsave\n'
 'Pre-Depends: libblkid1 (>= 2.36), libc6 (>= 2.34), libcom-err2 (>= 1.43.9), libext2fs2 (= '
 '1.47.0-2), libss2 (>= 1.38), libuuid1 (>= 2.16)\n'
 'Recommends: e2fsprogs-l10n\n'
 'Suggests: gpart, parted, fuse2fs, e2fsck-static\n'
 'Conffiles:\n'
 ' /etc/cron.d/e2scrub_all bc533e09f3b3d96bfe1633ad57eb7026\n'
 ' /etc/e2scrub.conf df38534cc670c70a91cf9b035845d244\n'
 ' /etc/mke2fs.conf 6a2103e33d9e48b5f6f3190045c37561\n'
 'Description: ext2/ext3/ext4 file system utilities\n'
 ' The ext2, ext3 and ext4 file systems are successors of the original ext\n'
 ' ("extended") file system. They are the main file system types used for\n'
 ' hard disks on Debian and other Linux systems.\n'
 ' .\n'
 ' This package contains programs for creating, checking, and maintaining\n'
 ' ext2/3/4-based file systems.  It also includes the "badblocks" program,\n'
 ' which can be used to scan for bad blocks on a disk or other storage device.\n'
 'Homepage: http://e2fsprogs.sourceforge.net\n'
 'Important: yes\n'
 '\n'
 'Package: file\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: utils\n'
 'Installed-Size: 79\n'
 'Maintainer: Christoph Biedl <debian.axhn@manchmal.in-ulm.de>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 1:5.44-3\n'
 'Depends: libc6 (>= 2.34), libmagic1 (= 1:5.44-3)\n'
 'Breaks: debhelper (<< 12.2~)\n'
 'Description: Recognize the type of data in a file using "magic" numbers\n'
 ' The file command is "a file type guesser", a command-line tool that\n'
 ' tells you in words what kind of data a file contains.\n'
 ' .\n'
 ' This package contains the file program itself.\n'
 'Homepage: https://www.darwinsys.com/file/\n'
 '\n'
 'Package: findutils\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: utils\n'
 'Installed-Size: 1746\n'
 'Maintainer: Andreas Metzler <ametzler@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 4.9.0-4\n'
 'Pre-Depends: libc6 (>= 2.34), libselinux1 (>= 3.1~)\n'
 'Breaks: binstats (<< 1.08-8.1), guilt (<< 0.36-0.2), libpython3.4-minimal (<< 3.4.4-2), '
 'libpython3.5-minimal (<< 3.5.1-3), lsat (<< 0.9.7.1-2.1), mc (<< 3:4.8.11-1), switchconf (<< '
 '0.0.9-2.1)\n'
 'Description: utilities for finding files--find, xargs\n'
 ' GNU findutils provides utilities to find files meeting specified\n'
 ' criteria and perform various actions on the files which are found.\n'
 " This package contains 'find' and 'xargs'; however, 'locate' has\n"
 ' been split off into a separate package.\n'
 'Homepage: https://savannah.gnu.org/projects/findutils/\n'
 '\n'
 'Package: gettext-base\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: utils\n'
 'Installed-Size: 645\n'
 'Maintainer: Santiago Vila <sanvila@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: gettext\n'
 'Version: 0.21-12\n'
 'Depends: libc6 (>= 2.34)\n'
 'Description: GNU Internationalization utilities for the base system\n'
 ' This package includes the gettext and ngettext programs which allow\n'
 ' other packages to internationalize the messages given by shell scripts.\n'
 'Homepage: https://www.gnu.org/software/gettext/\n'
 '\n'
 'Package: gpgv\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: utils\n'
 'Installed-Size: 918\n'
 'Maintainer: Debian GnuPG Maintainers <pkg-gnupg-maint@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: gnupg2\n'
 'Version: 2.2.40-1.1+deb12u2\n'
 'Replaces: gnupg2 (<< 2.0.21-2), gpgv2 (<< 2.1.11-7+exp1)\n'
 'Depends: libbz2-1.0, libc6 (>= 2.34), libgcrypt20 (>= 1.10.0), libgpg-error0 (>= 1.42), '
 'zlib1g (>= 1:1.1.4)\n'
 'Suggests: gnupg\n'
 'Breaks: gnupg2 (<< 2.0.21-2), gpgv2 (<< 2.1.11-7+exp1), python-debian (<< 0.1.29)\n'
 'Description: GNU privacy guard - signature verification tool\n'
 " GnuPG is GNU's tool for secure communication and data storage.\n"
 ' .\n'
 ' gpgv is actually a stripped-down version of gpg which is only able\n'
 ' to check signatures. It is somewhat smaller than the fully-blown gpg\n'
 ' and uses a different (and simpler) way to check that the public keys\n'
 ' used to make the signature are valid. There are no configuration\n'
 ' files and only a few options are implemented.\n'
 'Homepage: https://www.gnupg.org/\n'
 '\n'
 'Package: grep\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: utils\n'
 'Installed-Size: 1245\n'
 'Maintainer: Anibal Monsalve Salazar <anibal@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 3.8-5\n'
 'Provides: rgrep\n'
 'Depends: dpkg (>= 1.15.4) | install-info\n'
 'Pre-Depends: libc6 (>= 2.34), libpcre2-8-0 (>= 10.32)\n'
 'Conflicts: rgrep\n'
 'Description: GNU grep, egrep and fgrep\n'
 " 'grep' is a utility to search for text in files; it can be used from the\n"
 " command line or in scripts.  Even if you don't want to use it, other packages\n"
 ' on your system probably will.\n'
 ' .\n'
 ' The GNU family of grep utilities may be the "fastest grep in the west".\n'
 ' GNU grep is based on a fast lazy-state deterministic matcher (about\n'
 ' twice as fast as stock Unix egrep) hybridized with a Boyer-Moore-Gosper\n'
 ' search for a fixed string that eliminates impossible text from being\n'
 ' considered by the full regexp matcher without necessarily having to\n'
 ' look at every character. The result is typically many times faster\n'
 ' than Unix grep or egrep. (Regular expressions containing backreferencing\n'
 ' will run more slowly, however.)\n'
 'Homepage: https://www.gnu.org/software/grep/\n'
 '\n'
 'Package: groff-base\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: text\n'
 'Installed-Size: 3673\n'
 'Maintainer: Colin Watson <cjwatson@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: groff\n'
 'Version: 1.22.4-10\n'
 'Depends: libc6 (>= 2.35), libgcc-s1 (>= 4.0), libstdc++6 (>= 4.1.1), libuchardet0 (>= '
 '0.0.1)\n'
 'Suggests: groff\n'
 'Conffiles:\n'
 ' /etc/groff/man.local c8d6e2bf36a23e2e9599f7f66ab05463\n'
 ' /etc/groff/mdoc.local 4bc6267468942826b757fa2f868c8237\n'
 'Description: GNU troff text-formatting system (base system components)\n'
 ' This package contains the traditional UN*X text formatting tools\n'
 ' troff, nroff, tbl, eqn, and pic. These utilities, together with the\n'
 ' man-db package, are essential for displaying the on-line manual pages.\n'
 ' .\n'
 ' groff-base is a stripped-down package containing the necessary components\n'
 ' to read manual pages in ASCII, Latin-1, and UTF-8, plus the PostScript\n'
 " device (groff's default). Users who want a full groff installation, with\n"
 ' the standard set of devices, fonts, macros, and documentation, should\n'
 ' install the groff package.\n'
 'Homepage: https://www.gnu.org/software/groff/\n'
 '\n'
 'Package: gzip\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: utils\n'
 'Installed-Size: 252\n'
 'Maintainer: Milan Kupcevic <milan@debian.org>\n'
 'Architecture: amd64\n'
 'Version: 1.12-1\n'
 'Depends: dpkg (>= 1.15.4) | install-info\n'
 'Pre-Depends: libc6 (>= 2.33)\n'
 'Suggests: less\n'
 'Description: GNU compression utilities\n'
 ' This package provides the standard GNU file compression utilities, which\n'
 ' are also the default compression tools for Debian.  They typically operate\n'
 " on files with names ending in '.gz', but can also decompress files ending\n"
 " in '.Z' created with 'compress'.\n"
 'Homepage: https://www.gnu.org/software/gzip/\n'
 '\n'
 'Package: hostname\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: admin\n'
 'Installed-Size: 46\n'
 'Maintainer: Michael Meskes <meskes@debian.org>\n'
 'Architecture: amd64\n'
 'Version: 3.23+nmu1\n'
 'Replaces: nis (<< 3.17-30)\n'
 'Pre-Depends: libc6 (>= 2.34)\n'
 'Breaks: nis (<< 3.17-30)\n'
 'Description: utility to set/show the host name or domain name\n'
 " This package provides commands which can be used to display the system's\n"
 ' DNS name, and to display or set its hostname or NIS domain name.\n'
 '\n'
 'Package: init-system-helpers\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: admin\n'
 'Installed-Size: 140\n'
 'Maintainer: Debian systemd Maintainers <pkg-systemd-maintainers@lists.alioth.debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Version: 1.65.2\n'
 'Depends: usrmerge | usr-is-merged\n'
 'Description: helper tools for all init systems\n'
 ' This package contains helper tools that are necessary for switching between\n'
 ' the various init systems that Debian contains (e. g. sysvinit or\n'
 ' systemd). An example is deb-systemd-helper, a script that enables systemd unit\n'
 ' files without depending on a running systemd.\n'
 ' .\n'
 ' It also includes the "service", "invoke-rc.d", and "update-rc.d" scripts which\n'
 ' provide an abstraction for enabling, disabling, starting, and stopping\n'
 ' services for all supported Debian init systems as specified by the policy.\n'
 ' .\n'
 ' While this package is maintained by pkg-systemd-maintainers, it is NOT\n'
 ' specific to systemd at all. Maintainers of other init systems are welcome to\n'
 ' include their helpers in this package.\n'
 '\n'
 'Package: iproute2\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: net\n'
 'Installed-Size: 3516\n'
 'Maintainer: Debian Kernel Team <debian-kernel@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 6.1.0-3\n'
 'Replaces: iproute\n'
 'Provides: arpd\n'
 'Depends: debconf (>= 0.5) | debconf-2.0, libbpf1 (>= 1:0.6.0), libbsd0 (>= 0.0), libc6 (>= '
 '2.34), libcap2 (>= 1:2.10), libdb5.3, libelf1 (>= 0.131), libmnl0 (>= 1.0.3-4~), libselinux1 '
 '(>= 3.1~), libtirpc3 (>= 1.0.2), libxtables12 (>= 1.6.0+snapshot20161117), libcap2-bin\n'
 'Recommends: libatm1 (>= 2.4.1-17~)\n'
 'Suggests: iproute2-doc, python3:any\n'
 'Conflicts: arpd, iproute (<< 20130000-1)\n'
 'Conffiles:\n'
 ' /etc/iproute2/bpf_pinning fd070252e6e9996bd04d9d59e4ce21eb\n'
 ' /etc/iproute2/ematch_map 0e0f36cafc6a9cf76bc704cfd8f96ece\n'
 ' /etc/iproute2/group 3aea2c0e0dd75e13a5f8f48f2936915f\n'
 ' /etc/iproute2/nl_protos 393e42fa549d0974eb66d576675779c2\n'
 ' /etc/iproute2/rt_dsfield 4c80d267a84d350d89d88774efe48a0f\n'
 ' /etc/iproute2/rt_protos 35b7f1673d1d0486c4188fd06b46a410\n'
 ' /etc/iproute2/rt_protos.d/README 88e45597012c565f9a10ffef1bc14312\n'
 ' /etc/iproute2/rt_realms 7137bdf40e8d58c87ac7e3bba503767f\n'
 ' /etc/iproute2/rt_scopes 6298b8df09e9bda23ea7da49021ca457\n'
 ' /etc/iproute2/rt_tables a1313318d6778fe6b8c680248ef5a463\n'
 ' /etc/iproute2/rt_tables.d/README 18bfdabbd4d5b14eae350720ea5ff431\n'
 'Description: networking and traffic control tools\n'
 ' The iproute2 suite is a collection of utilities for networking and\n'
 ' traffic control.\n'
 ' .\n'
 ' These tools communicate with the Linux kernel via the (rt)netlink\n'
 ' interface, providing advanced features not available through the\n'
 " legacy net-tools commands 'ifconfig' and 'route'.\n"
 'Homepage: https://wiki.linuxfoundation.org/networking/iproute2\n'
 '\n'
 'Package: less\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: text\n'
 'Installed-Size: 313\n'
 'Maintainer: Milan Kupcevic <milan@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 590-2.1~deb12u2\n'
 'Depends: libc6 (>= 2.34), libtinfo6 (>= 6)\n'
 'Description: pager program similar to more\n'
 ' This package provides "less", a file pager (that is, a memory-efficient\n'
 ' utility for displaying text one screenful at a time). Less has many\n'
 ' more features than the basic pager "more". As part of the GNU project,\n'
 ' it is widely regarded as the standard pager on UNIX-derived systems.\n'
 ' .\n'
 ' Also provided are "lessecho", a simple utility for ensuring arguments\n'
 ' with spaces are correctly quoted; "lesskey", a tool for modifying the\n'
 ' standard (vi-like) keybindings; and "lesspipe", a filter for specific\n'
 ' types of input, such as .doc or .txt.gz files.\n'
 'Homepage: http://www.greenwoodsoftware.com/less/\n'
 '\n'
 'Package: libc-bin\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: libs\n'
 'Installed-Size: 2042\n'
 'Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: glibc\n'
 'Version: 2.36-9+deb12u14\n'
 'Depends: libc6 (>> 2.36), libc6 (<< 2.37)\n'
 'Recommends: manpages\n'
 'Breaks: dh-lua (<< 27+nmu1~)\n'
 'Conffiles:\n'
 ' /etc/bindresvport.blacklist 4c09213317e4e3dd3c71d74404e503c5\n'
 ' /etc/default/nss d6d5d6f621fb3ead2548076ce81e309c\n'
 ' /etc/gai.conf 28fa76ff5a9e0566eaa1e11f1ce51f09\n'
 ' /etc/ld.so.conf 4317c6de8564b68d628c21efa96b37e4\n'
 ' /etc/ld.so.conf.d/libc.conf d4d833fd095fb7b90e1bb4a547f16de6\n'
 'Description: GNU C Library: Binaries\n'
 ' This package contains utility programs related to the GNU C Library.\n'
 ' .\n'
 '  * getconf: query system configuration variables\n'
 '  * getent: get entries from administrative databases\n'
 '  * iconv, iconvconfig: convert between character encodings\n'
 '  * ldd, ldconfig: print/configure shared library dependencies\n'
 '  * locale, localedef: show/generate locale definitions\n'
 '  * tzselect, zdump, zic: select/dump/compile time zones\n'
 'Homepage: https://www.gnu.org/software/libc/libc.html\n'
 '\n'
 'Package: libc-l10n\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: localization\n'
 'Installed-Size: 4350\n'
 'Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Source: glibc\n'
 'Version: 2.36-9+deb12u14\n'
 'Description: GNU C Library: localization files\n'
 ' This package contains the translation files for the GNU C library and\n'
 ' utility programs.\n'
 'Homepage: https://www.gnu.org/software/libc/libc.html\n'
 '\n'
 'Package: libcap2-bin\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: utils\n'
 'Installed-Size: 133\n'
 'Maintainer: Christian Kastner <ckk@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: libcap2 (1:2.66-4+deb12u2)\n'
 'Version: 1:2.66-4+deb12u2+b2\n'
 'Replaces: libcap-bin\n'
 'Depends: libc6 (>= 2.34), libcap2 (>= 1:2.63)\n'
 'Recommends: libpam-cap\n'
 'Breaks: libcap-bin\n'
 'Description: POSIX 1003.1e capabilities (utilities)\n'
 ' Libcap implements the user-space interfaces to the POSIX 1003.1e capabilities\n'
 ' available in Linux kernels. These capabilities are a partitioning of the all\n'
 ' powerful root privilege into a set of distinct privileges.\n'
 ' .\n'
 ' This package contains additional utilities.\n'
 'Homepage: https://sites.google.com/site/fullycapable/\n'
 '\n'
 'Package: liblocale-gettext-perl\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: perl\n'
 'Installed-Size: 51\n'
 'Maintainer: Debian Perl Group <pkg-perl-maintainers@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Version: 1.07-5\n'
 'Depends: libc6 (>= 2.3)\n'
 'Pre-Depends: perl-base (>= 5.36.0-5), perlapi-5.36.0\n'
 'Description: module using libc functions for internationalization in Perl\n'
 ' The Locale::gettext module permits access from perl to the gettext() family of\n'
 ' functions for retrieving message strings from databases constructed\n'
 ' to internationalize software.\n'
 ' .\n'
 ' It provides gettext(), dgettext(), dcgettext(), textdomain(),\n'
 ' bindtextdomain(), bind_textdomain_codeset(), ngettext(), dcngettext()\n'
 ' and dngettext().\n'
 'Homepage: https://metacpan.org/release/gettext\n'
 '\n'
 'Package: libnss-systemd\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: admin\n'
 'Installed-Size: 389\n'
 'Maintainer: Debian systemd Maintainers <pkg-systemd-maintainers@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: systemd\n'
 'Version: 252.39-1~deb12u2\n'
 'Depends: libc6 (>= 2.34), libcap2 (>= 1:2.10), systemd (= 252.39-1~deb12u2)\n'
 'Description: nss module providing dynamic user and group name resolution\n'
 ' nss-systemd is a plug-in module for the GNU Name Service Switch (NSS)\n'
 ' functionality of the GNU C Library (glibc), providing UNIX user and group name\n'
 ' resolution for dynamic users and groups allocated through the DynamicUser=\n'
 ' option in systemd unit files. See systemd.exec(5) for details on this\n'
 ' option.\n'
 ' .\n'
 ' Installing this package automatically adds the module to /etc/nsswitch.conf.\n'
 'Homepage: https://www.freedesktop.org/wiki/Software/systemd\n'
 '\n'
 'Package: libpam-modules\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: admin\n'
 'Installed-Size: 1031\n'
 'Maintainer: Sam Hartman <hartmans@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: pam\n'
 'Version: 1.5.2-6+deb12u1\n'
 'Replaces: libpam-umask, libpam0g-util\n'
 'Provides: libpam-mkhomedir, libpam-motd, libpam-umask\n'
 'Pre-Depends: libaudit1 (>= 1:2.2.1), libc6 (>= 2.34), libcrypt1 (>= 1:4.3.0), libdb5.3, '
 'libpam0g (>= 1.4.1), libselinux1 (>= 3.1~), debconf (>= 0.5) | debconf-2.0, '
 'libpam-modules-bin (= 1.5.2-6+deb12u1)\n'
 'Conflicts: libpam-mkhomedir, libpam-motd, libpam-umask\n'
 'Conffiles:\n'
 ' /etc/security/access.conf dc21d0fd769d655b311d785670e5c6ae\n'
 ' /etc/security/faillock.conf 164da8ffb87f3074179bc60b71d0b99f\n'
 ' /etc/security/group.conf f1e26e8db6f7abd2d697d7dad3422c36\n'
 ' /etc/security/limits.conf 0b1967ff9042a716ce6b01cb999aa1f5\n'
 ' /etc/security/namespace.conf 6b3796403421d66db7defc46517711bc\n'
 ' /etc/security/namespace.init d9e6a7c85e966427ef23a04ec6c7000f\n'
 ' /etc/security/pam_env.conf 89cc8702173d5cd51abc152ae9f8d6bc\n'
 ' /etc/security/sepermit.conf 3d82df292d497bbeaaf8ebef18cd14f1\n'
 ' /etc/security/time.conf 06e05c6079e839c8833ac7c3abfde192\n'
 'Description: Pluggable Authentication Modules for PAM\n'
 ' This package completes the set of modules for PAM. It includes the\n'
 '  pam_unix.so module as well as some specialty modules.\n'
 'Homepage: http://www.linux-pam.org/\n'
 '\n'
 'Package: libpam-modules-bin\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: admin\n'
 'Installed-Size: 227\n'
 'Maintainer: Sam Hartman <hartmans@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: pam\n'
 'Version: 1.5.2-6+deb12u1\n'
 'Replaces: libpam-modules (<< 1.5.2-5~)\n'
 'Depends: libaudit1 (>= 1:2.2.1), libc6 (>= 2.34), libcrypt1 (>= 1:4.3.0), libpam0g (>= '
 '0.99.7.1), libselinux1 (>= 3.1~)\n'
 'Description: Pluggable Authentication Modules for PAM - helper binaries\n'
 ' This package contains helper binaries used by the standard set of PAM\n'
 ' modules in the libpam-modules package.\n'
 'Homepage: http://www.linux-pam.org/\n'
 '\n'
 'Package: libpam-runtime\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: admin\n'
 'Installed-Size: 876\n'
 'Maintainer: Sam Hartman <hartmans@debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Source: pam\n'
 'Version: 1.5.2-6+deb12u1\n'
 'Replaces: libpam0g-dev, libpam0g-util\n'
 'Depends: debconf (>= 0.5) | debconf-2.0, debconf (>= 1.5.19) | cdebconf, libpam-modules (>= '
 '1.0.1-6)\n'
 'Conflicts: libpam0g-util\n'
 'Conffiles:\n'
 ' /etc/pam.conf 87fc76f18e98ee7d3848f6b81b3391e5\n'
 ' /etc/pam.d/other 31aa7f2181889ffb00b87df4126d1701\n'
 'Description: Runtime support for the PAM library\n'
 ' Contains configuration files and  directories required for\n'
 ' authentication  to work on Debian systems.  This package is required\n'
 ' on almost all installations.\n'
 'Homepage: http://www.linux-pam.org/\n'
 '\n'
 'Package: libpam-systemd\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: admin\n'
 'Installed-Size: 532\n'
 'Maintainer: Debian systemd Maintainers <pkg-systemd-maintainers@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: systemd\n'
 'Version: 252.39-1~deb12u2\n'
 'Provides: default-logind (= 252.39-1~deb12u2), logind (= 252.39-1~deb12u2)\n'
 'Depends: libc6 (>= 2.34), libcap2 (>= 1:2.10), libpam0g (>= 0.99.7.1), systemd (= '
 '252.39-1~deb12u2), libpam-runtime, default-dbus-system-bus | dbus-system-bus, systemd-sysv\n'
 'Recommends: dbus-user-session\n'
 'Description: system and service manager - PAM module\n'
 ' This package contains the PAM module which registers user sessions in\n'
 ' the systemd control group hierarchy for logind.\n'
 ' .\n'
 ' If in doubt, do install this package.\n'
 ' .\n'
 ' Packages that depend on logind functionality need to depend on libpam-systemd.\n'
 'Homepage: https://www.freedesktop.org/wiki/Software/systemd\n'
 '\n'
 'Package: locales\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: localization\n'
 'Installed-Size: 15847\n'
 'Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>\n'
 'Architecture: all\n'
 'Source: glibc\n'
 'Version: 2.36-9+deb12u14\n'
 'Depends: libc-bin (>> 2.36), libc-l10n (>> 2.36), debconf (>= 0.5) | debconf-2.0\n'
 'Conffiles:\n'
 ' /etc/locale.alias 4a3f5ef911616822ec6fe04e31930bbf\n'
 'Description: GNU C Library: National Language (locale) data [support]\n'
 ' Machine-readable data files, shared objects and programs used by the\n'
 ' C library for localization (l10n) and internationalization (i18n) support.\n'
 ' .\n'
 ' This package contains tools to generate locale definitions from source\n'
 ' files (included in this package). It allows you to customize which\n'
 ' definitions actually get generated. This is a space-saver over how this\n'
 ' package used to be, with all locales generated by default. This created\n'
 ' a package that unpacked to an excess of 30 megs.\n'
 'Homepage: https://www.gnu.org/software/libc/libc.html\n'
 '\n'
 'Package: login\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: admin\n'
 'Installed-Size: 2550\n'
 'Maintainer: Shadow package maintainers <pkg-shadow-devel@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: shadow\n'
 'Version: 1:4.13+dfsg1-1+deb12u1\n'
 'Pre-Depends: libaudit1 (>= 1:2.2.1), libc6 (>= 2.34), libcrypt1 (>= 1:4.1.0), libpam0g (>= '
 '0.99.7.1), libpam-runtime, libpam-modules\n'
 'Conflicts: python-4suite (<< 0.99cvs20060405-1)\n'
 'Conffiles:\n'
 ' /etc/login.defs f43a7b1eb7e082f1d4e2cb8f8376e71b\n'
 ' /etc/pam.d/login 5afbc06eb5f71fef25170cf3c936a442\n'
 'Description: system login tools\n'
 ' This package provides some required infrastructure for logins and for\n'
 ' changing effective user or group IDs, including:\n'
 '  * login, the program that invokes a user shell on a virtual terminal;\n'
 '  * nologin, a dummy shell for disabled user accounts;\n'
 'Homepage: https://github.com/shadow-maint/shadow\n'
 '\n'
 'Package: lsof\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: utils\n'
 'Installed-Size: 482\n'
 'Maintainer: Andres Salomon <dilinger@debian.org>\n'
 'Architecture: amd64\n'
 'Version: 4.95.0-1\n'
 'Depends: libc6 (>= 2.33), libselinux1 (>= 3.1~), libtirpc3 (>= 1.0.2)\n'
 'Description: utility to list open files\n'
 ' Lsof is a Unix-specific diagnostic tool.  Its name stands\n'
 ' for LiSt Open Files, and it does just that.  It lists\n'
 ' information about any files that are open, by processes\n'
 ' currently running on the system.\n'
 'Homepage: https://github.com/lsof-org/lsof\n'
 '\n'
 'Package: man-db\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: doc\n'
 'Installed-Size: 2963\n'
 'Maintainer: Colin Watson <cjwatson@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 2.11.2-2\n'
 'Replaces: man, nlsutils\n'
 'Provides: man, man-browser\n'
 'Depends: bsdextrautils | bsdmainutils (<< 12.1.1~), groff-base, debconf (>= 0.5) | '
 'debconf-2.0, libc6 (>= 2.34), libgdbm6 (>= 1.16), libpipeline1 (>= 1.5.0), libseccomp2 (>= '
 '2.1.0), zlib1g (>= 1:1.1.4)\n'
 'Suggests: apparmor, groff, less, www-browser\n'
 'Conflicts: man\n'
 'Conffiles:\n'
 ' /etc/apparmor.d/usr.bin.man 4f614d75041882370498f7fe2d43a44b\n'
 ' /etc/cron.daily/man-db 62423d7fa68568c9c0aefceac182d9ea\n'
 ' /etc/cron.weekly/man-db eebc5bb3e1dac973301570da3f453334\n'
 ' /etc/manpath.config 6d70333de0a08c7a71018da458201eb6\n'
 'Description: tools for reading manual pages\n'
 ' This package provides the man command, the primary way of examining the\n'
 ' system help files (manual pages). Other utilities provided include the\n'
 ' whatis and apropos commands for searching the manual page database, the\n'
 ' manpath utility for determining the manual page search path, and the\n'
 ' maintenance utilities mandb, catman and zsoelim. man-db uses the groff\n'
 ' suite of programs to format and display the manual pages.\n'
 'Homepage: https://man-db.gitlab.io/man-db/\n'
 '\n'
 'Package: manpages\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: doc\n'
 'Installed-Size: 1548\n'
 'Maintainer: Dr. Tobias Quathamer <toddy@debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Version: 6.03-2\n'
 'Replaces: initscripts (<< 3.0.0-1), inn2-dev (<< 2.6.5-1), manpages-dev (<< 5.09-2)\n'
 'Suggests: man-browser\n'
 'Breaks: initscripts (<< 3.0.0-1), inn2-dev (<< 2.6.5-1), manpages-dev (<< 5.09-2)\n'
 'Description: Manual pages about using a GNU/Linux system\n'
 ' This package contains GNU/Linux manual pages for these sections:\n'
 '  4 = Devices (e.g. hd, sd).\n'
 '  5 = File formats and protocols, syntaxes of several system\n'
 '      files (e.g. wtmp, /etc/passwd, nfs).\n'
 '  7 = Conventions and standards, macro packages, etc.\n'
 '      (e.g. nroff, ascii).\n'
 ' .\n'
 ' Beside the intro man page describing the section, a few manual\n'
 ' pages from sections 1,6 and 8 are also provided.\n'
 ' .\n'
 ' The man pages describe syntaxes of several system files.\n'
 'Homepage: https://www.kernel.org/doc/man-pages/\n'
 '\n'
 'Package: mawk\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: interpreters\n'
 'Installed-Size: 263\n'
 'Maintainer: Boyuan Yang <byang@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 1.3.4.20200120-3.1\n'
 'Provides: awk\n'
 'Depends: libc6 (>= 2.29)\n'
 'Description: Pattern scanning and text processing language\n'
 ' Mawk is an interpreter for the AWK Programming Language. The AWK\n'
 ' language is useful for manipulation of data files, text retrieval and\n'
 ' processing, and for prototyping and experimenting with algorithms. Mawk\n'
 ' is a new awk meaning it implements the AWK language as defined in Aho,\n'
 ' Kernighan and Weinberger, The AWK Programming Language, Addison-Wesley\n'
 ' Publishing, 1988. (Hereafter referred to as the AWK book.) Mawk conforms\n'
 ' to the POSIX 1003.2 (draft 11.3) definition of the AWK language\n'
 ' which contains a few features not described in the AWK book, and mawk\n'
 ' provides a small number of extensions.\n'
 ' .\n'
 ' Mawk is smaller and much faster than gawk. It has some compile-time\n'
 ' limits such as NF = 32767 and sprintf buffer = 1020.\n'
 'Homepage: https://invisible-island.net/mawk/\n'
 '\n'
 'Package: media-types\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: net\n'
 'Installed-Size: 92\n'
 'Maintainer: Mime-Support Packagers <team+debian-mimesupport-packagers@tracker.debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Version: 10.0.0\n'
 'Replaces: mime-support (<< 3.65)\n'
 'Breaks: mime-support (<< 3.65)\n'
 'Conffiles:\n'
 ' /etc/mime.types e8937e06f21a0edb49813f91567be8e6\n'
 'Description: List of standard media types and their usual file extension\n'
 ' This package installs the configuration file /etc/mime.types, that lists\n'
 ' standard media types (originally known as "MIME" types) and their usual file\n'
 ' extension.  This provides a simple way for programs to have a first guess at a\n'
 " file's content.  On standard Debian desktop systems, one will also find more\n"
 ' sophisticated tools, for instance provided by the "file" and "xdg-utils"\n'
 ' packages.\n'
 ' .\n'
 ' The /etc/mime.types file is compiled by hand using mostly information provided\n'
 ' by the Internet Assigned Numbers Authority (IANA).\n'
 '\n'
 'Package: mount\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: admin\n'
 'Installed-Size: 393\n'
 'Maintainer: util-linux packagers <util-linux@packages.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: util-linux\n'
 'Version: 2.38.1-5+deb12u3\n'
 'Pre-Depends: libblkid1 (>= 2.17.2), libc6 (>= 2.34), libmount1 (>= 2.38), libselinux1 (>= '
 '3.1~), libsmartcols1 (>= 2.33)\n'
 'Suggests: nfs-common\n'
 'Description: tools for mounting and manipulating filesystems\n'
 ' This package provides the mount(8), umount(8), swapon(8),\n'
 ' swapoff(8), and losetup(8) commands.\n'
 'Homepage: https://www.kernel.org/pub/linux/utils/util-linux/\n'
 '\n'
 'Package: ncurses-base\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: misc\n'
 'Installed-Size: 379\n'
 'Maintainer: Craig Small <csmall@debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Source: ncurses\n'
 'Version: 6.4-4\n'
 'Provides: ncurses-runtime\n'
 'Breaks: bash-static (<< 4.4.18-1.1), libmono-corlib4.5-cil (<< 4.6.2.7+dfsg-2), libslang2 '
 '(<< 2.3.1a-3), libtinfo5 (<< 6.1), libunibilium0 (<< 2), libunibilium4 (<< 2.0.0-3), neovim '
 '(<< 0.6.0), vim-common (<< 2:9.0.1000-2), zsh-static (<< 5.4.2-4)\n'
 'Conffiles:\n'
 ' /etc/terminfo/README 45b6df19fb5e21f55717482fa7a30171\n'
 'Description: basic terminal type definitions\n'
 ' The ncurses library routines are a terminal-independent method of\n'
 ' updating character screens with reasonable optimization.\n'
 ' .\n'
 ' This package contains terminfo data files to support the most common types of\n'
 ' terminal, including ansi, dumb, linux, rxvt, screen, sun, vt100, vt102, vt220,\n'
 ' vt52, and xterm.\n'
 'Homepage: https://invisible-island.net/ncurses/\n'
 '\n'
 'Package: ncurses-bin\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: utils\n'
 'Installed-Size: 636\n'
 'Maintainer: Craig Small <csmall@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: ncurses\n'
 'Version: 6.4-4\n'
 'Pre-Depends: libc6 (>= 2.34), libtinfo6 (>= 6.3)\n'
 'Description: terminal-related programs and man pages\n'
 ' The ncurses library routines are a terminal-independent method of\n'
 ' updating character screens with reasonable optimization.\n'
 ' .\n'
 ' This package contains the programs used for manipulating the terminfo\n'
 ' database and individual terminfo entries, as well as some programs for\n'
 ' resetting terminals and such.\n'
 'Homepage: https://invisible-island.net/ncurses/\n'
 '\n'
 'Package: net-tools\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: net\n'
 'Installed-Size: 978\n'
 'Maintainer: net-tools Team <team+net-tools@tracker.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 2.10-0.1+deb12u2\n'
 'Depends: libc6 (>= 2.34), libselinux1 (>= 3.1~)\n'
 'Description: NET-3 networking toolkit\n'
 ' This package includes the important tools for controlling the network\n'
 ' subsystem of the Linux kernel.  This includes arp, ifconfig, netstat,\n'
 ' rarp, nameif and route.  Additionally, this package contains utilities\n'
 ' relating to particular network hardware types (plipconfig, slattach,\n'
 ' mii-tool) and advanced aspects of IP configuration (iptunnel, ipmaddr).\n'
 ' .\n'
 " In the upstream package 'hostname' and friends are included. Those are\n"
 ' not installed by this package, since there is a special "hostname*.deb".\n'
 'Homepage: http://sourceforge.net/projects/net-tools/\n'
 '\n'
 'Package: netbase\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: admin\n'
 'Installed-Size: 36\n'
 "Maintainer: Marco d'Itri <md@linux.it>\n"
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Version: 6.4\n'
 'Replaces: ebtables (<< 2.0.11-2)\n'
 'Breaks: ebtables (<< 2.0.11-2)\n'
 'Conffiles:\n'
 ' /etc/ethertypes cd7fa874d85f7587e2ed11174d58cf83\n'
 ' /etc/protocols 0c247591a720f534fe543401bd4844d6\n'
 ' /etc/rpc 2d7748cd0feba2e43ee52d4d7f834188\n'
 ' /etc/services 3975f0d8c4e1ecb25f035edfb1ba27ac\n'
 'Description: Basic TCP/IP networking system\n'
 ' This package provides the necessary infrastructure for basic TCP/IP based\n'
 ' networking.\n'
 ' .\n'
 ' In particular, it supplies common name-to-number mappings in /etc/services,\n'
 ' /etc/rpc, /etc/protocols and /etc/ethertypes.\n'
 '\n'
 'Package: nftables\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: net\n'
 'Installed-Size: 176\n'
 'Maintainer: Debian Netfilter Packaging Team <pkg-netfilter-team@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Version: 1.0.6-2+deb12u2\n'
 'Depends: libnftables1 (= 1.0.6-2+deb12u2), libc6 (>= 2.34), libedit2 (>= 3.1-20130611-0)\n'
 'Recommends: netbase\n'
 'Suggests: firewalld\n'
 'Conffiles:\n'
 ' /etc/nftables.conf 4d4241fcd44b9a69b74f69d571f35a20\n'
 'Description: Program to control packet filtering rules by Netfilter project\n'
 ' This software provides an in-kernel packet classification framework that is\n'
 ' based on a network-specific Virtual Machine (VM) and the nft userspace\n'
 ' command line tool. The nftables framework reuses the existing Netfilter\n'
 ' subsystems such as the existing hook infrastructure, the connection tracking\n'
 ' system, NAT, userspace queueing and logging subsystem.\n'
 ' .\n'
 ' nftables replaces the old popular iptables, ip6tables, arptables and ebtables.\n'
 ' .\n'
 ' Netfilter software and nftables in particular are used in applications such\n'
 ' as Internet connection sharing, firewalls, IP accounting, transparent\n'
 ' proxying, advanced routing and traffic control.\n'
 ' .\n'
 ' A Linux kernel >= 3.13 is required. However, >= 4.14 is recommended.\n'
 'Homepage: https://www.netfilter.org/\n'
 '\n'
 'Package: openssh-client\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: net\n'
 'Installed-Size: 5801\n'
 'Maintainer: Debian OpenSSH Maintainers <debian-ssh@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: openssh\n'
 'Version: 1:9.2p1-2+deb12u10\n'
 'Replaces: openssh-sk-helper, ssh, ssh-krb5\n'
 'Provides: ssh-client\n'
 'Depends: adduser, passwd, libc6 (>= 2.36), libedit2 (>= 2.11-20080614-0), libfido2-1 (>= '
 '1.8.0), libgssapi-krb5-2 (>= 1.17), libselinux1 (>= 3.1~), libssl3 (>= 3.0.19), zlib1g (>= '
 '1:1.1.4)\n'
 'Recommends: xauth\n'
 'Suggests: keychain, libpam-ssh, monkeysphere, ssh-askpass\n'
 'Breaks: openssh-sk-helper\n'
 'Conflicts: sftp\n'
 'Conffiles:\n'
 ' /etc/ssh/ssh_config 8a5bddc82befb71d8ef34cc903d3d077\n'
 'Description: secure shell (SSH) client, for secure access to remote machines\n'
 ' This is the portable version of OpenSSH, a free implementation of\n'
 ' the Secure Shell protocol as specified by the IETF secsh working\n'
 ' group.\n'
 ' .\n'
 ' Ssh (Secure Shell) is a program for logging into a remote machine\n'
 ' and for executing commands on a remote machine.\n'
 ' It provides secure encrypted communications between two untrusted\n'
 ' hosts over an insecure network. X11 connections and arbitrary TCP/IP\n'
 ' ports can also be forwarded over the secure channel.\n'
 ' It can be used to provide applications with a secure communication\n'
 ' channel.\n'
 ' .\n'
 ' This package provides the ssh, scp and sftp clients, the ssh-agent\n'
 ' and ssh-add programs to make public key authentication more convenient,\n'
 ' and the ssh-keygen, ssh-keyscan, ssh-copy-id and ssh-argv0 utilities.\n'
 ' .\n'
 ' In some countries it may be illegal to use any encryption at all\n'
 ' without a special permit.\n'
 ' .\n'
 ' ssh replaces the insecure rsh, rcp and rlogin programs, which are\n'
 ' obsolete for most purposes.\n'
 'Homepage: https://www.openssh.com/\n'
 '\n'
 'Package: passwd\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: admin\n'
 'Installed-Size: 2827\n'
 'Maintainer: Shadow package maintainers <pkg-shadow-devel@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: shadow\n'
 'Version: 1:4.13+dfsg1-1+deb12u1\n'
 'Depends: libaudit1 (>= 1:2.2.1), libc6 (>= 2.36), libcrypt1 (>= 1:4.1.0), libpam0g (>= '
 '0.99.7.1), libselinux1 (>= 3.1~), libsemanage2 (>= 2.0.32), libpam-modules\n'
 'Recommends: sensible-utils\n'
 'Conffiles:\n'
 ' /etc/default/useradd e03965d134c26725cbc51a57969da6c9\n'
 ' /etc/pam.d/chfn 4d466e00a348ba426130664d795e8afa\n'
 ' /etc/pam.d/chpasswd 9900720564cb4ee98b7da29e2d183cb2\n'
 ' /etc/pam.d/chsh a6e9b589e90009334ffd030d819290a6\n'
 ' /etc/pam.d/newusers 1454e29bfa9f2a10836563e76936cea5\n'
 ' /etc/pam.d/passwd eaf2ad85b5ccd06cceb19a3e75f40c63\n'
 'Description: change and administer password and group data\n'
 ' This package includes passwd, chsh, chfn, and many other programs to\n'
 ' maintain password and group data.\n'
 ' .\n'
 ' Shadow passwords are supported.  See /usr/share/doc/passwd/README.Debian\n'
 'Homepage: https://github.com/shadow-maint/shadow\n'
 '\n'
 'Package: perl\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: perl\n'
 'Installed-Size: 670\n'
 'Maintainer: Niko Tyni <ntyni@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: allowed\n'
 'Version: 5.36.0-7+deb12u4\n'
 'Replaces: perl-base (<< 5.36.0-2), perl-modules (<< 5.22.0~)\n'
 'Provides: libansicolor-perl (= 5.01), libarchive-tar-perl (= 2.40), '
 'libattribute-handlers-perl (= 1.02), libautodie-perl (= 2.34), libcompress-raw-bzip2-perl (= '
 '2.103), libcompress-raw-zlib-perl (= 2.105), libcompress-zlib-perl (= 2.106), '
 'libcpan-meta-perl (= 2.150010), libcpan-meta-requirements-perl (= 2.140), '
 'libcpan-meta-yaml-perl (= 0.018), libdigest-md5-perl (= 2.58), libdigest-perl (= 1.20), '
 'libdigest-sha-perl (= 6.02), libencode-perl (= 3.17), libexperimental-perl (= 0.028), '
 'libextutils-cbuilder-perl (= 0.280236), libextutils-command-perl (= 7.64), '
 'libextutils-install-perl (= 2.20), libextutils-parsexs-perl (= 3.450000), libfile-spec-perl '
 '(= 3.8400), libhttp-tiny-perl (= 0.080), libi18n-langtags-perl (= 0.45), '
 'libio-compress-base-perl (= 2.106), libio-compress-bzip2-perl (= 2.106), libio-compress-perl '
 '(= 2.106), libio-compress-zlib-perl (= 2.106), libio-zlib-perl (= 1.11), libjson-pp-perl (= '
 '4.07000), liblocale-maketext-perl (= 1.31), liblocale-maketext-simple-perl (= 0.21.01), '
 'libmath-bigint-perl (= 1.999830), libmath-complex-perl (= 1.5902), libmime-base64-perl (= '
 '3.16), libmodule-corelist-perl (= 5.20220520), libmodule-load-conditional-perl (= 0.74), '
 'libmodule-load-perl (= 0.36), libmodule-metadata-perl (= 1.000037), libnet-perl (= 1:3.14), '
 'libnet-ping-perl (= 2.74), libparams-check-perl (= 0.38), libparent-perl (= 0.238), '
 'libparse-cpan-meta-perl (= 2.150010), libperl-ostype-perl (= 1.010), libpod-escapes-perl (= '
 '1.07), libpod-simple-perl (= 3.43), libstorable-perl (= 3.26), libsys-syslog-perl (= 0.36), '
 'libtest-harness-perl (= 3.44), libtest-simple-perl (= 1.302190), libtest-tester-perl (= '
 '1.302190), libtest-use-ok-perl (= 1.302190), libtext-balanced-perl (= 2.04), '
 'libthread-queue-perl (= 3.14), libthreads-perl (= 2.27), libthreads-shared-perl (= 1.64), '
 'libtime-hires-perl (= 1.9770), libtime-local-perl (= 1.3000), libtime-piece-perl (= 1.3401), '
 'libunicode-collate-perl (= 1.31), libversion-perl (= 1:0.9929), '
 'libversion-requirements-perl, podlators-perl (= 4.14)\n'
 'Depends: perl-base (= 5.36.0-7+deb12u4), perl-modules-5.36 (>= 5.36.0-7+deb12u4), '
 'libperl5.36 (= 5.36.0-7+deb12u4)\n'
 'Pre-Depends: dpkg (>= 1.17.17)\n'
 'Recommends: netbase\n'
 'Suggests: perl-doc, libterm-readline-gnu-perl | libterm-readline-perl-perl, make, '
 'libtap-harness-archive-perl\n'
 'Breaks: apt-show-versions (<< 0.22.10), libdist-inkt-perl (<< 0.024-5), libmarc-charset-perl '
 '(<< 1.35-3), libperl-dev (<< 5.24.0~), perl-doc (<< 5.36.0-1), perl-modules-5.22, '
 'perl-modules-5.24, perl-modules-5.26 (<< 5.26.2-5)\n'
 'Conflicts: libjson-pp-perl (<< 2.27200-2)\n'
 'Conffiles:\n'
 ' /etc/perl/Net/libnet.cfg fb2946cae573b8ed3d654a180d458733\n'
 "Description: Larry Wall's Practical Extraction and Report Language\n"
 ' Perl is a highly capable, feature-rich programming language with over\n'
 ' 20 years of development. Perl 5 runs on over 100 platforms from\n'
 ' portables to mainframes. Perl is suitable for both rapid prototyping\n'
 ' and large scale development projects.\n'
 ' .\n'
 ' Perl 5 supports many programming styles, including procedural,\n'
 ' functional, and object-oriented. In addition to this, it is supported\n'
 ' by an ever-growing collection of reusable modules which accelerate\n'
 ' development. Some of these modules include Web frameworks, database\n'
 ' integration, networking protocols, and encryption. Perl provides\n'
 ' interfaces to C and C++ for custom extension development.\n'
 'Homepage: http://dev.perl.org/perl5/\n'
 '\n'
 'Package: perl-base\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: perl\n'
 'Installed-Size: 7643\n'
 'Maintainer: Niko Tyni <ntyni@debian.org>\n'
 'Architecture: amd64\n'
 'Source: perl\n'
 'Version: 5.36.0-7+deb12u4\n'
 'Replaces: libfile-path-perl (<< 2.18), libfile-temp-perl (<< 0.2311), libio-socket-ip-perl '
 '(<< 0.41), libscalar-list-utils-perl (<< 1:1.62), libsocket-perl (<< 2.033), '
 'libxsloader-perl (<< 0.31), perl (<< 5.10.1-12), perl-modules (<< 5.20.1-3)\n'
 'Provides: libfile-path-perl (= 2.18), libfile-temp-perl (= 0.2311), libio-socket-ip-perl (= '
 '0.41), libscalar-list-utils-perl (= 1:1.62), libsocket-perl (= 2.033), libxsloader-perl (= '
 '0.31), perlapi-5.36.0\n'
 'Pre-Depends: libc6 (>= 2.35), libcrypt1 (>= 1:4.1.0), dpkg (>= 1.17.17)\n'
 'Suggests: perl, sensible-utils\n'
 'Breaks: amanda-common (<< 1:3.3.9-2), backuppc (<< 4.4.0-7~), bucardo (<< 5.5.0-1.1), '
 'debconf (<< 1.5.61), dh-haskell (<< 0.3), duck (<< 0.14.1), intltool (<< 0.51.0-4), '
 'kio-perldoc (<< 20.04.1-1), latexml (<< 0.8.4-2), libdevel-mat-dumper-perl (<< 0.42-3), '
 'libencode-arabic-perl (<< 14.2-2), libexception-class-perl (<< 1.42), libfile-path-perl (<< '
 '2.18), libfile-spec-perl (<< 3.8400), libfile-temp-perl (<< 0.2311), libio-socket-ip-perl '
 '(<< 0.41), libmp3-tag-perl (<< 1.13-1.2), libsbuild-perl (<< 0.67.0-1), '
 'libscalar-list-utils-perl (<< 1:1.62), libsocket-perl (<< 2.033), libxsloader-perl (<< '
 '0.31), mailagent (<< 1:3.1-81-2), perl (<< 5.36.0~), perl-modules (<< 5.36.0~), pod2pdf (<< '
 '0.42-5.1), slic3r (<< 1.2.9+dfsg-6.1), slic3r-prusa (<< 1.37.0+dfsg-1.1), texinfo (<< '
 '6.1.0.dfsg.1-8)\n'
 'Conflicts: defoma (<< 0.11.12), doc-base (<< 0.10.3), mono-gac (<< 2.10.8.1-3), safe-rm (<< '
 '0.8), update-inetd (<< 4.41)\n'
 'Description: minimal Perl system\n'
 ' Perl is a scripting language used in many system scripts and utilities.\n'
 ' .\n'
 ' This package provides a Perl interpreter and the small subset of the\n'
 ' standard run-time library required to perform basic tasks. For a full\n'
 ' Perl installation, install "perl" (and its dependencies, "perl-modules-5.36"\n'
 ' and "perl-doc").\n'
 'Homepage: http://dev.perl.org/perl5/\n'
 '\n'
 'Package: procps\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: admin\n'
 'Installed-Size: 2091\n'
 'Maintainer: Craig Small <csmall@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 2:4.0.2-3\n'
 'Replaces: manpages-de (<< 4.9.1-2), manpages-fr (<< 4.9.1-2), manpages-fr-extra (<< '
 '20151231+nmu1), manpages-pl (<< 1:4.9.1-2)\n'
 'Provides: watch\n'
 'Depends: libc6 (>= 2.34), libncursesw6 (>= 6), libproc2-0 (>= 2:4.0.2), libtinfo6 (>= 6), '
 'init-system-helpers (>= 1.29~)\n'
 'Recommends: psmisc\n'
 'Breaks: guymager (<= 0.5.9-1), manpages-de (<< 4.9.1-2), manpages-fr (<< 4.9.1-2), '
 'manpages-fr-extra (<< 20151231+nmu1), manpages-pl (<< 1:4.9.1-2), open-vm-tools (<= '
 '2011.12.20-562307-1)\n'
 'Conffiles:\n'
 ' /etc/init.d/procps f9903aa0d9f2f10714269befb4cdba8f\n'
 ' /etc/sysctl.conf c0c09cba30da0565737cace8000d64ee\n'
 ' /etc/sysctl.d/README.sysctl 48e64ce233c8aba8e0693adf8cf4c464\n'
 'Description: /proc file system utilities\n'
 ' This package provides command line and full screen utilities for browsing\n'
 ' procfs, a "pseudo" file system dynamically generated by the kernel to\n'
 ' provide information about the status of entries in its process table\n'
 ' (such as whether the process is running, stopped, or a "zombie").\n'
 ' .\n'
 ' It contains free, kill, pkill, pgrep, pmap, ps, pwdx, skill, slabtop,\n'
 ' snice, sysctl, tload, top, uptime, vmstat, w, and watch.\n'
 'Homepage: https://gitlab.com/procps-ng/procps\n'
 '\n'
 'Package: sed\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: utils\n'
 'Installed-Size: 987\n'
 'Maintainer: Clint Adams <clint@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 4.9-1\n'
 'Pre-Depends: libacl1 (>= 2.2.23), libc6 (>= 2.34), libselinux1 (>= 3.1~)\n'
 'Description: GNU stream editor for filtering/transforming text\n'
 ' sed reads the specified files or the standard input if no\n'
 ' files are specified, makes editing changes according to a\n'
 ' list of commands, and writes the results to the standard\n'
 ' output.\n'
 'Homepage: https://www.gnu.org/software/sed/\n'
 '\n'
 'Package: sensible-utils\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: utils\n'
 'Installed-Size: 56\n'
 'Maintainer: Anibal Monsalve Salazar <anibal@debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Version: 0.0.17+nmu1\n'
 'Replaces: debianutils (<= 2.32.3), manpages-pl (<= 20060617-3~)\n'
 'Description: Utilities for sensible alternative selection\n'
 ' This package provides a number of small utilities which are used\n'
 ' by programs to sensibly select and spawn an appropriate browser,\n'
 ' editor, or pager.\n'
 ' .\n'
 ' The specific utilities included are: sensible-browser sensible-editor\n'
 ' sensible-pager\n'
 '\n'
 'Package: systemd\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: admin\n'
 'Installed-Size: 9668\n'
 'Maintainer: Debian systemd Maintainers <pkg-systemd-maintainers@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 252.39-1~deb12u2\n'
 'Provides: systemd-sysusers (= 252.39-1~deb12u2), systemd-tmpfiles (= 252.39-1~deb12u2)\n'
 'Depends: libacl1 (>= 2.2.23), libaudit1 (>= 1:2.2.1), libblkid1 (>= 2.24.2), libcryptsetup12 '
 '(>= 2:2.4), libfdisk1 (>= 2.33), libkmod2 (>= 15), libp11-kit0 (>= 0.23.18.1), libseccomp2 '
 '(>= 2.3.1), libsystemd-shared (= 252.39-1~deb12u2), libsystemd0 (= 252.39-1~deb12u2), mount\n'
 'Pre-Depends: libblkid1 (>= 2.24), libc6 (>= 2.34), libcap2 (>= 1:2.10), libgcrypt20 (>= '
 '1.10.0), liblz4-1 (>= 0.0~r122), liblzma5 (>= 5.1.1alpha+20120614), libmount1 (>= 2.30), '
 'libselinux1 (>= 3.1~), libssl3 (>= 3.0.0), libzstd1 (>= 1.5.2)\n'
 'Recommends: default-dbus-system-bus | dbus-system-bus, systemd-timesyncd | time-daemon\n'
 'Suggests: systemd-container, systemd-homed, systemd-userdbd, systemd-boot, systemd-resolved, '
 'libfido2-1, libqrencode4, libtss2-esys-3.0.2-0, libtss2-mu0, libtss2-rc0, polkitd | '
 'policykit-1\n'
 'Breaks: less (<< 563), resolvconf (<< 1.83~), sicherboot (<< 0.1.6), udev (<< 247~)\n'
 'Conflicts: consolekit, libpam-ck-connector, systemd-shim\n'
 'Conffiles:\n'
 ' /etc/systemd/journald.conf d2187d732ab2911016a4d4017c155dbb\n'
 ' /etc/systemd/logind.conf 8276eeafa20aa65e6a5dca3bdcddafb4\n'
 ' /etc/systemd/networkd.conf f461eed370e565cbe9890dd6b2c43996\n'
 ' /etc/systemd/pstore.conf ea1d43113c41edaacb39180d60a50b08\n'
 ' /etc/systemd/sleep.conf 72e9b6cd3c3c7c2abbe19564771336d0\n'
 ' /etc/systemd/system.conf 36ace4ee4543e277db35948826aa6979\n'
 ' /etc/systemd/user.conf a908ebf52cb61e955dcf6b6662666c8d\n'
 'Description: system and service manager\n'
 ' systemd is a system and service manager for Linux. It provides aggressive\n'
 ' parallelization capabilities, uses socket and D-Bus activation for starting\n'
 ' services, offers on-demand starting of daemons, keeps track of processes using\n'
 ' Linux control groups, maintains mount and automount points and implements an\n'
 ' elaborate transactional dependency-based service control logic.\n'
 ' .\n'
 ' Installing the systemd package will not switch your init system unless you\n'
 ' boot with init=/lib/systemd/systemd or install systemd-sysv in addition.\n'
 'Homepage: https://www.freedesktop.org/wiki/Software/systemd\n'
 '\n'
 'Package: systemd-sysv\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: admin\n'
 'Installed-Size: 74\n'
 'Maintainer: Debian systemd Maintainers <pkg-systemd-maintainers@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: systemd\n'
 'Version: 252.39-1~deb12u2\n'
 'Replaces: sysvinit-core\n'
 'Pre-Depends: systemd\n'
 'Recommends: libpam-systemd, libnss-systemd\n'
 'Conflicts: file-rc, systemd-shim, sysvinit-core\n'
 'Description: system and service manager - SysV compatibility symlinks\n'
 ' This package provides manual pages and compatibility symlinks needed for\n'
 ' systemd to replace sysvinit.\n'
 ' .\n'
 ' Installing systemd-sysv will overwrite /sbin/init with a symlink to systemd.\n'
 'Homepage: https://www.freedesktop.org/wiki/Software/systemd\n'
 '\n'
 'Package: systemd-timesyncd\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: admin\n'
 'Installed-Size: 148\n'
 'Maintainer: Debian systemd Maintainers <pkg-systemd-maintainers@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: systemd\n'
 'Version: 252.39-1~deb12u2\n'
 'Replaces: systemd (<< 245.4-2~), time-daemon\n'
 'Provides: time-daemon\n'
 'Depends: libc6 (>= 2.34), libsystemd-shared (= 252.39-1~deb12u2), systemd\n'
 'Breaks: systemd (<< 245.4-2~)\n'
 'Conflicts: time-daemon\n'
 'Conffiles:\n'
 ' /etc/dhcp/dhclient-exit-hooks.d/timesyncd c66e563f4050725592e2da20a4e1bfef\n'
 ' /etc/systemd/timesyncd.conf 9bca5bc8be90d2921301a24084ffcd55\n'
 'Description: minimalistic service to synchronize local time with NTP servers\n'
 ' The package contains the systemd-timesyncd system service that may be used to\n'
 ' synchronize the local system clock with a remote Network Time Protocol server.\n'
 'Homepage: https://www.freedesktop.org/wiki/Software/systemd\n'
 '\n'
 'Package: sysvinit-utils\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: admin\n'
 'Installed-Size: 100\n'
 'Maintainer: Debian sysvinit maintainers <debian-init-diversity@chiark.greenend.org.uk>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: sysvinit\n'
 'Version: 3.06-4\n'
 'Replaces: lsb-base\n'
 'Provides: lsb-base (= 11.1.0)\n'
 'Depends: libc6 (>= 2.34)\n'
 'Conflicts: lsb-base (<< 11.3~)\n'
 'Description: System-V-like utilities\n'
 ' This package contains the important System-V-like utilities.\n'
 ' .\n'
 ' Specifically, this package includes:\n'
 ' init-d-script, fstab-decode, killall5, pidof\n'
 ' .\n'
 ' It also contains the library scripts sourced by init-d-script and other\n'
 ' initscripts that were formally in lsb-base.\n'
 'Homepage: https://github.com/slicer69/sysvinit\n'
 '\n'
 'Package: tar\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: utils\n'
 'Installed-Size: 3144\n'
 'Maintainer: Janos Lenart <ocsi@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 1.34+dfsg-1.2+deb12u1\n'
 'Replaces: cpio (<< 2.4.2-39)\n'
 'Pre-Depends: libacl1 (>= 2.2.23), libc6 (>= 2.34), libselinux1 (>= 3.1~)\n'
 'Suggests: bzip2, ncompress, xz-utils, tar-scripts, tar-doc\n'
 'Breaks: dpkg-dev (<< 1.14.26)\n'
 'Conflicts: cpio (<= 2.4.2-38)\n'
 'Description: GNU version of the tar archiving utility\n'
 ' Tar is a program for packaging a set of files as a single archive in tar\n'
 ' format.  The function it performs is conceptually similar to cpio, and to\n'
 ' things like PKZIP in the DOS world.  It is heavily used by the Debian package\n'
 ' management system, and is useful for performing system backups and exchanging\n'
 ' sets of files with others.\n'
 'Homepage: https://www.gnu.org/software/tar/\n'
 '\n'
 'Package: time\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: utils\n'
 'Installed-Size: 129\n'
 'Maintainer: Bob Proulx <bob@proulx.com>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 1.9-0.2\n'
 'Depends: libc6 (>= 2.34)\n'
 'Description: GNU time program for measuring CPU resource usage\n'
 " The 'time' command runs another program, then displays information\n"
 ' about the resources used by that program, collected by the system while\n'
 ' the program was running.  You can select which information is reported\n'
 " and the format in which it is shown, or have 'time' save the information\n"
 ' in a file instead of display it on the screen.\n'
 ' .\n'
 " The resources that 'time' can report on fall into the general\n"
 ' categories of time, memory, I/O, and IPC calls.\n'
 ' .\n'
 ' The GNU version can format the output in arbitrary ways by using a\n'
 ' printf-style format string to include various resource measurements.\n'
 'Homepage: https://www.gnu.org/software/time\n'
 '\n'
 'Package: tzdata\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: localization\n'
 'Installed-Size: 2565\n'
 'Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Version: 2025b-0+deb12u2\n'
 'Provides: tzdata-bookworm\n'
 'Depends: debconf (>= 0.5) | debconf-2.0\n'
 'Description: time zone and daylight-saving time data\n'
 ' This package contains data required for the implementation of\n'
 ' standard local time for many representative locations around the\n'
 ' globe. It is updated periodically to reflect changes made by\n'
 ' political bodies to time zone boundaries, UTC offsets, and\n'
 ' daylight-saving rules.\n'
 'Homepage: https://www.iana.org/time-zones\n'
 '\n'
 'Package: ucf\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: utils\n'
 'Installed-Size: 214\n'
 'Maintainer: Manoj Srivastava <srivasta@debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Version: 3.0043+nmu1+deb12u1\n'
 'Depends: debconf (>= 0.5) | debconf-2.0, sensible-utils\n'
 'Conffiles:\n'
 ' /etc/ucf.conf 5565b8b26108c49ba575ba452cd69b3e\n'
 'Description: Update Configuration File(s): preserve user changes to config files\n'
 ' Debian policy mandates that user changes to configuration files must be\n'
 ' preserved during package upgrades. The easy way to achieve this behavior\n'
 " is to make the configuration file a 'conffile', in which case dpkg\n"
 ' handles the file specially during upgrades, prompting the user as\n'
 ' needed.\n'
 ' .\n'
 ' This is appropriate only if it is possible to distribute a default\n'
 ' version that will work for most installations, although some system\n'
 ' administrators may choose to modify it. This implies that the\n'
 ' default version will be part of the package distribution, and must\n'
 ' not be modified by the maintainer scripts during installation (or at\n'
 ' any other time).\n'
 ' .\n'
 ' This script attempts to provide conffile-like handling for files that\n'
 ' may not be labelled conffiles, and are not shipped in a Debian package,\n'
 ' but handled by the postinst instead. This script allows one to\n'
 ' maintain files in /etc, preserving user changes and in general\n'
 ' offering the same facilities while upgrading that dpkg normally\n'
 " provides for 'conffiles'.\n"
 ' .\n'
 ' Additionally, this script provides facilities for transitioning a\n'
 ' file that had not been provided with conffile-like protection to come\n'
 ' under this schema, and attempts to minimize questions asked at\n'
 ' installation time. Indeed, the transitioning facility is better than the\n'
 ' one offered by dpkg while transitioning a file from a non-conffile to\n'
 ' conffile status.\n'
 '\n'
 'Package: util-linux\n'
 'Essential: yes\n'
 'Status: install ok installed\n'
 'Priority: required\n'
 'Section: utils\n'
 'Installed-Size: 4978\n'
 'Maintainer: util-linux packagers <util-linux@packages.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 2.38.1-5+deb12u3\n'
 'Replaces: hardlink\n'
 'Provides: hardlink\n'
 'Depends: util-linux-extra\n'
 'Pre-Depends: libblkid1 (>= 2.37.2), libc6 (>= 2.34), libcap-ng0 (>= 0.7.9), libcrypt1 (>= '
 '1:4.1.0), libmount1 (>= 2.38), libpam0g (>= 0.99.7.1), libselinux1 (>= 3.1~), libsmartcols1 '
 '(>= 2.38), libsystemd0, libtinfo6 (>= 6), libudev1 (>= 183), libuuid1 (>= 2.16), zlib1g (>= '
 '1:1.1.4)\n'
 'Recommends: sensible-utils\n'
 'Suggests: dosfstools, kbd, util-linux-locales\n'
 'Conflicts: hardlink\n'
 'Conffiles:\n'
 ' /etc/pam.d/runuser b8b44b045259525e0fae9e38fdb2aeeb\n'
 ' /etc/pam.d/runuser-l 2106ea05877e8913f34b2c77fa02be45\n'
 ' /etc/pam.d/su 60fbbe65c90d741bc0d380543cefe8af\n'
 ' /etc/pam.d/su-l 756fef5687fecc0d986e5951427b0c4f\n'
 'Description: miscellaneous system utilities\n'
 ' This package contains a number of important utilities, most of which\n'
 ' are oriented towards maintenance of your system. Some of the more\n'
 ' important utilities included in this package allow you to view kernel\n'
 ' messages, create new filesystems, view block device information,\n'
 ' interface with real time clock, etc.\n'
 'Homepage: https://www.kernel.org/pub/linux/utils/util-linux/\n'
 '\n'
 'Package: util-linux-extra\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: utils\n'
 'Installed-Size: 366\n'
 'Maintainer: util-linux packagers <util-linux@packages.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: util-linux\n'
 'Version: 2.38.1-5+deb12u3\n'
 'Replaces: util-linux (<< 2.38~)\n'
 'Depends: libaudit1 (>= 1:2.2.1), libc6 (>= 2.34), libsmartcols1 (>= 2.38)\n'
 'Breaks: util-linux (<< 2.38~)\n'
 'Conffiles:\n'
 ' /etc/default/hwclock 02f94aaf57aff4e2e6751ec7b877a997\n'
 ' /etc/init.d/hwclock.sh c06bc68c12cbdd9c7f60ba25ee587efe\n'
 'Description: interactive login tools\n'
 ' Tools commonly found on systems where humans login interactively,\n'
 ' or are needed with non-standard system configurations.\n'
 'Homepage: https://www.kernel.org/pub/linux/utils/util-linux/\n'
 '\n'
 'Package: vim-common\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: editors\n'
 'Installed-Size: 245\n'
 'Maintainer: Debian Vim Maintainers <team+vim@tracker.debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Source: vim\n'
 'Version: 2:9.0.1378-2+deb12u2\n'
 'Recommends: xxd, vim | vim-gtk3 | vim-motif | vim-nox | vim-tiny\n'
 'Conffiles:\n'
 ' /etc/vim/vimrc a28f17fea43e405b96cdffd3d6522382\n'
 'Description: Vi IMproved - Common files\n'
 ' Vim is an almost compatible version of the UNIX editor Vi.\n'
 ' .\n'
 ' This package contains files shared by all non GUI-enabled vim variants\n'
 ' available in Debian.  Examples of such shared files are: manpages and\n'
 ' configuration files.\n'
 'Homepage: https://www.vim.org/\n'
 '\n'
 'Package: wget\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: web\n'
 'Installed-Size: 3521\n'
 'Maintainer: Noël Köthe <noel@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 1.21.3-1+deb12u1\n'
 'Depends: libc6 (>= 2.34), libgnutls30 (>= 3.7.5), libidn2-0 (>= 0.6), libnettle8, '
 'libpcre2-8-0 (>= 10.22), libpsl5 (>= 0.16.0), libuuid1 (>= 2.16), zlib1g (>= 1:1.1.4)\n'
 'Recommends: ca-certificates\n'
 'Conflicts: wget-ssl\n'
 'Conffiles:\n'
 ' /etc/wgetrc c43064699caf6109f4b3da0405c06ebb\n'
 'Description: retrieves files from the web\n'
 ' Wget is a network utility to retrieve files from the web\n'
 ' using HTTP(S) and FTP, the two most widely used internet\n'
 ' protocols. It works non-interactively, so it will work in\n'
 ' the background, after having logged off. The program supports\n'
 ' recursive retrieval of web-authoring pages as well as FTP\n'
 ' sites -- you can use Wget to make mirrors of archives and\n'
 ' home pages or to travel the web like a WWW robot.\n'
 ' .\n'
 ' Wget works particularly well with slow or unstable connections\n'
 ' by continuing to retrieve a document until the document is fully\n'
 ' downloaded. Re-getting files from where it left off works on\n'
 ' servers (both HTTP and FTP) that support it. Both HTTP and FTP\n'
 ' retrievals can be time stamped, so Wget can see if the remote\n'
 ' file has changed since the last retrieval and automatically\n'
 ' retrieve the new version if it has.\n'
 ' .\n'
 ' Wget supports proxy servers; this can lighten the network load,\n'
 ' speed up retrieval, and provide access behind firewalls.\n'
 'Homepage: https://www.gnu.org/software/wget/\n'
 '\n'
 'Package: xz-utils\n'
 'Status: install ok installed\n'
 'Priority: standard\n'
 'Section: utils\n'
 'Installed-Size: 1226\n'
 'Maintainer: Sebastian Andrzej Siewior <sebastian@breakpoint.cc>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 5.4.1-1\n'
 'Replaces: lzip (<< 1.8~rc2), manpages-de (<< 4.17.0-2~bpo11+1), manpages-fr (<< '
 '4.17.0-2~bpo11+1), xz-lzma\n'
 'Provides: lzma\n'
 'Depends: libc6 (>= 2.34), liblzma5 (>= 5.4.0)\n'
 'Breaks: lzip (<< 1.8~rc2), manpages-de (<< 4.17.0-2~bpo11+1), manpages-fr (<< '
 '4.17.0-2~bpo11+1)\n'
 'Conflicts: lzma (<< 9.22-1), xz-lzma\n'
 'Description: XZ-format compression utilities\n'
 ' XZ is the successor to the Lempel-Ziv/Markov-chain Algorithm\n'
 ' compression format, which provides memory-hungry but powerful\n'
 ' compression (often better than bzip2) and fast, easy decompression.\n'
 ' .\n'
 ' This package provides the command line tools for working with XZ\n'
 ' compression, including xz, unxz, xzcat, xzgrep, and so on. They can\n'
 ' also handle the older LZMA format, and if invoked via appropriate\n'
 ' symlinks will emulate the behavior of the commands in the lzma\n'
 ' package.\n'
 ' .\n'
 ' The XZ format is similar to the older LZMA format but includes some\n'
 ' improvements for general use:\n'
 ' .\n'
 "  * 'file' magic for detecting XZ files;\n"
 '  * crc64 data integrity check;\n'
 '  * limited random-access reading support;\n'
 '  * improved support for multithreading (not used in xz-utils);\n'
 '  * support for flushing the encoder.\n'
 'Homepage: https://tukaani.org/xz/\n'
 '\n'
 'Package: apache2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: httpd\n'
 'Installed-Size: 588\n'
 'Maintainer: Debian Apache Maintainers <debian-apache@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Version: 2.4.71-1~deb12u1\n'
 'Provides: httpd, httpd-cgi\n'
 'Depends: apache2-bin (= 2.4.71-1~deb12u1), apache2-data (= 2.4.71-1~deb12u1), apache2-utils '
 '(= 2.4.71-1~deb12u1), lsb-base, media-types, perl:any, procps\n'
 'Pre-Depends: init-system-helpers (>= 1.54~)\n'
 'Recommends: ssl-cert\n'
 'Suggests: apache2-doc, apache2-suexec-pristine | apache2-suexec-custom, www-browser\n'
 'Conffiles:\n'
 ' /etc/apache2/apache2.conf 354c9e6d2b88a0a3e0548f853840674c\n'
 ' /etc/apache2/conf-available/charset.conf e6fbb8adf631932851d6cc522c1e48d7\n'
 ' /etc/apache2/conf-available/localized-error-pages.conf f542d267bfce7815f9453eb1476e5f73\n'
 ' /etc/apache2/conf-available/other-vhosts-access-log.conf 2cad303fc4221d6b0068a8b37597b9fb\n'
 ' /etc/apache2/conf-available/security.conf 332668933023a463046fa90d9b057193\n'
 ' /etc/apache2/conf-available/serve-cgi-bin.conf c146ad61e8853896938a5d30d7aa6c89\n'
 ' /etc/apache2/envvars e4431a53c868ae0dfcde68564f3ce6a7\n'
 ' /etc/apache2/magic a6d370833a02f53db6a0a30800704994\n'
 ' /etc/apache2/mods-available/access_compat.load f7f77b3eb4005749b583ff14b49f8bf1\n'
 ' /etc/apache2/mods-available/actions.conf aa7020bed65647b011cfb36e8567aa99\n'
 ' /etc/apache2/mods-available/actions.load 95dcfd2efdd41666de5f31dd72e01e41\n'
 ' /etc/apache2/mods-available/alias.conf a1632bd99783ef6ca8a47a6005d04d56\n'
 ' /etc/apache2/mods-available/alias.load 7742296502ce1d2f970cc87322d8ffba\n'
 ' /etc/apache2/mods-available/allowmethods.load b377b96eb4dddd88f9428d9cc2fd87ea\n'
 ' /etc/apache2/mods-available/asis.load d1003c9fa12b4d3ed35ea3827a689492\n'
 ' /etc/apache2/mods-available/auth_basic.load a92c34a3ce5e67e2ecbd272155ebe072\n'
 ' /etc/apache2/mods-available/auth_digest.load f29d047cd59013e2fa6724d677c7970b\n'
 ' /etc/apache2/mods-available/auth_form.load 731420a769dd8ad537d68bfdbdd6a506\n'
 ' /etc/apache2/mods-available/authn_anon.load 03cbe85c698911a3d3235b4855726481\n'
 ' /etc/apache2/mods-available/authn_core.load c6420ed74b0095f8408aba3e11db4907\n'
 ' /etc/apache2/mods-available/authn_dbd.load 86e21a672a4f245715a788f9873174ed\n'
 ' /etc/apache2/mods-available/authn_dbm.load 4e37546871dbcba8550a0d781f6fbfa8\n'
 ' /etc/apache2/mods-available/authn_file.load ecdeeab8cfec4a9dd0c065a4d6948c31\n'
 ' /etc/apache2/mods-available/authn_socache.load 260e21e1eb5caa7bcabe8a2fae11445f\n'
 ' /etc/apache2/mods-available/authnz_fcgi.load b12a39427b0b3a8d2ffb03cfc029da18\n'
 ' /etc/apache2/mods-available/authnz_ldap.load d65845f053d08b82da239c73c9094c35\n'
 ' /etc/apache2/mods-available/authz_core.load 90ad8f57655bcd98b7b07864736ab954\n'
 ' /etc/apache2/mods-available/authz_dbd.load c746b8c3bf3fca950ca41fcd553328b4\n'
 ' /etc/apache2/mods-available/authz_dbm.load 8cd42e62d8ca0701f9aad080ec968493\n'
 ' /etc/apache2/mods-available/authz_groupfile.load 97a3e14926ce7bf5f2d2a7b93ece648d\n'
 ' /etc/apache2/mods-available/authz_host.load f529587409471e3feb62256bccaf538a\n'
 ' /etc/apache2/mods-available/authz_owner.load 9ed1ea15654bb594453438154b642539\n'
 ' /etc/apache2/mods-available/authz_user.load bcf988f105564ec1e14b78df56a01cd8\n'
 ' /etc/apache2/mods-available/autoindex.conf 958f2742a80ae30f95507fb84e9eb018\n'
 ' /etc/apache2/mods-available/autoindex.load b9f9d364f1b4c96c45b6db353180aa15\n'
 ' /etc/apache2/mods-available/brotli.load da4d337dd726ab27221b06d92c998e36\n'
 ' /etc/apache2/mods-available/buffer.load ae1e21b4fd2c2e8236ec641cae9814bd\n'
 ' /etc/apache2/mods-available/cache.load ea99aba14e9aa25c27653b9958239a6e\n'
 ' /etc/apache2/mods-available/cache_disk.conf 0b2be6d48bbad8b4e32eef623e3670bc\n'
 ' /etc/apache2/mods-available/cache_disk.load 56ebd9819aa70a7ff8ac04e4922049f2\n'
 ' /etc/apache2/mods-available/cache_socache.load 4b548216cee2e910e9059e426f81e60c\n'
 ' /etc/apache2/mods-available/cern_meta.load 2c2d9adcb273f934304e7dfb5775f7b9\n'
 ' /etc/apache2/mods-available/cgi.load 32a1c48f0e29feb415c9460378728d82\n'
 ' /etc/apache2/mods-available/cgid.conf d7410fcd5d57c404144ed32e2d5c551f\n'
 ' /etc/apache2/mods-available/cgid.load c3ee2eac02c248b5a39fb1a7afee4cb9\n'
 ' /etc/apache2/mods-available/charset_lite.load 1585fcd1b631c2e9b166e170cb162c54\n'
 ' /etc/apache2/mods-available/data.load b6cc5b9e815f551335596cd1e25ffc34\n'
 ' /etc/apache2/mods-available/dav.load 2ee48948add72e6b8682d041acbcab7f\n'
 ' /etc/apache2/mods-available/dav_fs.conf 9d5c750538bf58538c558b907ca924f1\n'
 ' /etc/apache2/mods-available/dav_fs.load 17f662fd023dbaaab9d89f9a11ae58c1\n'
 ' /etc/apache2/mods-available/dav_lock.load faad09687e64ebb9670aa0b8095d6642\n'
 ' /etc/apache2/mods-available/dbd.load f03fe275174a5ed97b0f5f5726ccea60\n'
 ' /etc/apache2/mods-available/deflate.conf 2f28f35168069262fb1055abab5848fe\n'
 ' /etc/apache2/mods-available/deflate.load 6a7a23153796456ee919abdf728fd972\n'
 ' /etc/apache2/mods-available/dialup.load dbc3535a9e5dfd799cf16b5c0d58f137\n'
 ' /etc/apache2/mods-available/dir.conf 4dbfa06e481b9a2e874247fc8c157c3b\n'
 ' /etc/apache2/mods-available/dir.load 397aadae1b8b18e3a7a233cf7c297f99\n'
 ' /etc/apache2/mods-available/dump_io.load 8231c51ef692e0766625ece087484fe4\n'
 ' /etc/apache2/mods-available/echo.load 226a145f19c43d9f921c35eacfd61cb2\n'
 ' /etc/apache2/mods-available/env.load 3e8963a7df7c047be50a552d80a4f853\n'
 ' /etc/apache2/mods-available/expires.load dac64edc06fe538c2edd7b3f1f3b03f1\n'
 ' /etc/apache2/mods-available/ext_filter.load d3c4acfca1322274a9a8504e8cef27e9\n'
 ' /etc/apache2/mods-available/file_cache.load f097659127628ec6f9c6a558d0baf566\n'
 ' /etc/apache2/mods-available/filter.load 8df0170e37a8925238860657d6c60fe5\n'
 ' /etc/apache2/mods-available/headers.load ba7d09162b65d09397bd58be33138e4d\n'
 ' /etc/apache2/mods-available/heartbeat.load b78970d35346bfe5eb5817d228cb209c\n'
 ' /etc/apache2/mods-available/heartmonitor.load b4da13d1c05a7dd1bdeb272300c1fc83\n'
 ' /etc/apache2/mods-available/http2.conf 5bc6b4b533d920c8b677f3bb37734a0f\n'
 ' /etc/apache2/mods-available/http2.load e18e0c7e38196e7d7580ecedaaa72e3b\n'
 ' /etc/apache2/mods-available/ident.load 51ba623a8a2bd71c512f847d02e0934f\n'
 ' /etc/apache2/mods-available/imagemap.load 51d5109d8bc2bafc17af03beace4d8a4\n'
 ' /etc/apache2/mods-available/include.load 9cf2fa9ceb6571b5fab4603daad44c83\n'
 ' /etc/apache2/mods-available/info.conf 1fd47a9adf023a925301c58490417cf9\n'
 ' /etc/apache2/mods-available/info.load c1faffe40b8bed9f2b817b9dc0503bb6\n'
 ' /etc/apache2/mods-available/lbmethod_bybusyness.load 094b7c1d424cc4a1dee6f77d301e1888\n'
 ' /etc/apache2/mods-available/lbmethod_byrequests.load f33d55ab5bbf907340426e31f99f6701\n'
 ' /etc/apache2/mods-available/lbmethod_bytraffic.load e656d80b48c020b7d77ece23368e04f1\n'
 ' /etc/apache2/mods-available/lbmethod_heartbeat.load 944703ff299a25cf068de7f6a2374465\n'
 ' /etc/apache2/mods-available/ldap.conf f1c3882b24335ef261a90696e060813e\n'
 ' /etc/apache2/mods-available/ldap.load 735ac5f246738e11a53f6c515b8dfc48\n'
 ' /etc/apache2/mods-available/log_debug.load d062328e5987fa686615394768339abe\n'
 ' /etc/apache2/mods-available/log_forensic.load 7177e2427eb7c78f1ab10c034a809793\n'
 ' /etc/apache2/mods-available/lua.load 5e445ce688a49e0a1fcfcaa414fe21f9\n'
 ' /etc/apache2/mods-available/macro.load 40e0509b4b2d307cdfe4de75fa89dc91\n'
 ' /etc/apache2/mods-available/md.load 4fa08b541b4bac4a4849e6fd6d69c973\n'
 ' /etc/apache2/mods-available/mime.conf 5e9b0033f29b5bf2d9e736f7719ef1f9\n'
 ' /etc/apache2/mods-available/mime.load 9c858dc2ad2825dc3f862ecba90cf6ec\n'
 ' /etc/apache2/mods-available/mime_magic.conf b0b89da0f5d38b6c7177113018fc475d\n'
 ' /etc/apache2/mods-available/mime_magic.load ab5c69aa0c91f11157e9bfc4972f8cce\n'
 ' /etc/apache2/mods-available/mpm_event.conf 157cee0c8592d9e8bbffcd33abac3e2a\n'
 ' /etc/apache2/mods-available/mpm_event.load 08816d280ebbd94b8c5961fc6f7168b5\n'
 ' /etc/apache2/mods-available/mpm_prefork.conf 2c7263c7cd86af07dcedf627d0ad2ade\n'
 ' /etc/apache2/mods-available/mpm_prefork.load 9bcdffe5055526e0929ecd49ee311c9e\n'
 ' /etc/apache2/mods-available/mpm_worker.conf b57019603bf38326fcb7f9c0785a3c34\n'
 ' /etc/apache2/mods-available/mpm_worker.load 0c6640977f0f046a55fdaf76eb54adef\n'
 ' /etc/apache2/mods-available/negotiation.conf b023fc6578d5b64059df4dfe689cb779\n'
 ' /etc/apache2/mods-available/negotiation.load fd7bf44d833446a35f0199d7cbcc9793\n'
 ' /etc/apache2/mods-available/proxy.conf a3c7629e7a55080e9c2f4ff1c70a98b2\n'
 ' /etc/apache2/mods-available/proxy.load 3d3719c88d01152e817f74fc2fd6ce9e\n'
 ' /etc/apache2/mods-available/proxy_ajp.load e058e03c1d4f9e4d8e2c439ed75cc501\n'
 ' /etc/apache2/mods-available/proxy_balancer.conf 8a37d3a532dbb4866d4dd58162812f85\n'
 ' /etc/apache2/mods-available/proxy_balancer.load 9c6e6ff2195159c8af97f7673e8d2ada\n'
 ' /etc/apache2/mods-available/proxy_connect.load 6bc4b5de977f70a0b6ae98ab04383c0c\n'
 ' /etc/apache2/mods-available/proxy_express.load f2ad6e7e80d2750cdca5986657e7835e\n'
 ' /etc/apache2/mods-available/proxy_fcgi.load 09cbda44eecbf1cbab48b30045217e3c\n'
 ' /etc/apache2/mods-available/proxy_fdpass.load 9e5584db5f748a2fb71b582a255a976e\n'
 ' /etc/apache2/mods-available/proxy_ftp.conf 12809c2f356d9c05dbdc887375a6bf1b\n'
 ' /etc/apache2/mods-available/proxy_ftp.load c05db1b229a7957f0032c0d79ed7e3c9\n'
 ' /etc/apache2/mods-available/proxy_hcheck.load 92898c1ef9124193fa5d9e13408e0372\n'
 ' /etc/apache2/mods-available/proxy_html.conf 6012bbc4155b99642dba050df6c9028f\n'
 ' /etc/apache2/mods-available/proxy_html.load dac7646a0a7242de76f788b4da14390b\n'
 ' /etc/apache2/mods-available/proxy_http.load 161b514c355c6daa95f11371fb9c184c\n'
 ' /etc/apache2/mods-available/proxy_http2.load 8a2cdbe25537eb8cb9007e351274f852\n'
 ' /etc/apache2/mods-available/proxy_scgi.load cb11d685e60db26bbdad456263bf63b7\n'
 ' /etc/apache2/mods-available/proxy_uwsgi.load 37493bab0af283fd186d2797a9f5f95b\n'
 ' /etc/apache2/mods-available/proxy_wstunnel.load d2e5c21b886333f1662fe74591260d5d\n'
 ' /etc/apache2/mods-available/ratelimit.load fb40aa030d5458dd99a0c9d1141bcde4\n'
 ' /etc/apache2/mods-available/reflector.load 306c71fae73733506db9099d106ba642\n'
 ' /etc/apache2/mods-available/remoteip.load 81a6511c79ab338aef51a6c185152231\n'
 ' /etc/apache2/mods-available/reqtimeout.conf 30ef0f5bd709e44eeee85e9f847000c0\n'
 ' /etc/apache2/mods-available/reqtimeout.load 7fd814775dc3f3c9e6753ef874978f96\n'
 ' /etc/apache2/mods-available/request.load 36c1b324cd545e3e29b50b5e2a8357e8\n'
 ' /etc/apache2/mods-available/rewrite.load 55e18fb7df64c8f390904b972637c17d\n'
 ' /etc/apache2/mods-available/sed.load 8ba3c7ff4243e6a45b6e3c372fc0de1b\n'
 ' /etc/apache2/mods-available/session.load b552f1e184865c597ae397876fb3a0a6\n'
 ' /etc/apache2/mods-available/session_cookie.load 89aff7a7f8b4347965d4cf6ea3c5beb9\n'
 ' /etc/apache2/mods-available/session_crypto.load 066002be7d8c6c381553dbded41db1b6\n'
 ' /etc/apache2/mods-available/session_dbd.load cf86e56f8ee26f5dccc39c2f690d7f79\n'
 ' /etc/apache2/mods-available/setenvif.conf 5b6b9d2a0448f4c5aec4a5a3454bc77b\n'
 ' /etc/apache2/mods-available/setenvif.load 6f670fad5b6f6b14fa72c9cd3058469b\n'
 ' /etc/apache2/mods-available/slotmem_plain.load fd33fcd86c77d4d5044ad904e7f38360\n'
 ' /etc/apache2/mods-available/slotmem_shm.load 127df94eaf6987ad67b964f01eec3251\n'
 ' /etc/apache2/mods-available/socache_dbm.load 9f11810517a6bf2eba31b336ebbfad70\n'
 ' /etc/apache2/mods-available/socache_memcache.load c0101bc50501b12e7c8c74014560404b\n'
 ' /etc/apache2/mods-available/socache_redis.load 5c6ee35e3b89ea7ffdb19a2b344ada94\n'
 ' /etc/apache2/mods-available/socache_shmcb.load 9efb84889b8e1683ce104033bf30973d\n'
 ' /etc/apache2/mods-available/speling.load 095570b0cb18ebdfc357a2241c6932ea\n'
 ' /etc/apache2/mods-available/ssl.conf e0240208bf5bd725c1f192c2d1abb76e\n'
 ' /etc/apache2/mods-available/ssl.load 838b292226d2da6ceb3f1c793696ca12\n'
 ' /etc/apache2/mods-available/status.conf a2068bd13eadd9b0b9168d94e21c37b6\n'
 ' /etc/apache2/mods-available/status.load 00976ea5115f286bbc21357581d0b65e\n'
 ' /etc/apache2/mods-available/substitute.load 50e63dc17612e22484a88f537e8aec8e\n'
 ' /etc/apache2/mods-available/suexec.load 335169c85f4afc14524846789d46af06\n'
 ' /etc/apache2/mods-available/unique_id.load 6c13959015fb35276572070b44e63380\n'
 ' /etc/apache2/mods-available/userdir.conf 202509138f19284efb527eff4cfb042a\n'
 ' /etc/apache2/mods-available/userdir.load c034025405561ea48fbcb67fd1998f4d\n'
 ' /etc/apache2/mods-available/usertrack.load 8400042dd4374fad5eedf33ffb3c68f0\n'
 ' /etc/apache2/mods-available/vhost_alias.load fdd42d34966c329cdee2435dfe72ee24\n'
 ' /etc/apache2/mods-available/xml2enc.load 1f7ab653ed3601bd265871cdf252a224\n'
 ' /etc/apache2/ports.conf e0eadfd8b9250d90d5c3004171eb78f6\n'
 ' /etc/apache2/sites-available/000-default.conf 45ed6a20d7ff26b62d873585bc1b42ca\n'
 ' /etc/apache2/sites-available/default-ssl.conf afeefefbeab0e3b9bb14558f300ec9fc\n'
 ' /etc/cron.daily/apache2 c788ffaa4c682c91e6a1cd7f53840d62\n'
 ' /etc/default/apache-htcacheclean ae8721a0bc5b4e2ef7a5258b1e9db5c5\n'
 ' /etc/init.d/apache-htcacheclean 29fe315052a1c5fbe9dc9f29485ed906\n'
 ' /etc/init.d/apache2 379d9173b08f87449abc0fbd44926194\n'
 ' /etc/logrotate.d/apache2 a38d9e980faebcda9a1998fd0f90b69e\n'
 'Description: Apache HTTP Server\n'
 " The Apache HTTP Server Project's goal is to build a secure, efficient and\n"
 ' extensible HTTP server as standards-compliant open source software. The\n'
 ' result has long been the number one web server on the Internet.\n'
 ' .\n'
 ' Installing this package results in a full installation, including the\n'
 ' configuration files, init scripts and support scripts.\n'
 'Homepage: https://httpd.apache.org/\n'
 '\n'
 'Package: apache2-bin\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: httpd\n'
 'Installed-Size: 5144\n'
 'Maintainer: Debian Apache Maintainers <debian-apache@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Source: apache2\n'
 'Version: 2.4.71-1~deb12u1\n'
 'Provides: apache2-api-20120211, apache2-api-20120211-openssl1.1\n'
 'Depends: perl:any, libapr1 (>= 1.7.0), libaprutil1 (>= 1.6.0), libaprutil1-dbd-sqlite3 | '
 'libaprutil1-dbd-mysql | libaprutil1-dbd-odbc | libaprutil1-dbd-pgsql | '
 'libaprutil1-dbd-freetds, libaprutil1-ldap, libbrotli1 (>= 0.6.0), libc6 (>= 2.36), libcrypt1 '
 '(>= 1:4.1.0), libcurl4 (>= 7.28.0), libjansson4 (>= 2.14), libldap-2.5-0 (>= 2.5.4), '
 'liblua5.3-0, libnghttp2-14 (>= 1.50.0), libpcre2-8-0 (>= 10.22), libssl3 (>= 3.0.0), libxml2 '
 '(>= 2.7.4), zlib1g (>= 1:1.1.4)\n'
 'Suggests: apache2-doc, apache2-suexec-pristine | apache2-suexec-custom, www-browser\n'
 'Description: Apache HTTP Server (modules and other binary files)\n'
 " The Apache HTTP Server Project's goal is to build a secure, efficient and\n"
 ' extensible HTTP server as standards-compliant open source software. The\n'
 ' result has long been the number one web server on the Internet.\n'
 ' .\n'
 ' This package contains the binaries only and does not set up a working\n'
 ' web-server instance. Install the "apache2" package to get a fully working\n'
 ' instance.\n'
 'Homepage: https://httpd.apache.org/\n'
 '\n'
 'Package: apache2-data\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: httpd\n'
 'Installed-Size: 847\n'
 'Maintainer: Debian Apache Maintainers <debian-apache@lists.debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Source: apache2\n'
 'Version: 2.4.71-1~deb12u1\n'
 'Description: Apache HTTP Server (common files)\n'
 " The Apache HTTP Server Project's goal is to build a secure, efficient and\n"
 ' extensible HTTP server as standards-compliant open source software. The\n'
 ' result has long been the number one web server on the Internet.\n'
 ' .\n'
 ' This package contains architecture-independent common files such as icons,\n'
 ' error pages and static index files.\n'
 'Homepage: https://httpd.apache.org/\n'
 '\n'
 'Package: apache2-utils\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: httpd\n'
 'Installed-Size: 452\n'
 'Maintainer: Debian Apache Maintainers <debian-apache@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: apache2\n'
 'Version: 2.4.71-1~deb12u1\n'
 'Depends: libapr1 (>= 1.4.8-2~), libaprutil1 (>= 1.5.0), libc6 (>= 2.34), libcrypt1 (>= '
 '1:4.1.0), libssl3 (>= 3.0.0)\n'
 'Description: Apache HTTP Server (utility programs for web servers)\n'
 ' Provides some add-on programs useful for any web server.  These include:\n'
 '  - ab (Apache benchmark tool)\n'
 '  - fcgistarter (Start a FastCGI program)\n'
 '  - logresolve (Resolve IP addresses to hostnames in logfiles)\n'
 '  - htpasswd (Manipulate basic authentication files)\n'
 '  - htdigest (Manipulate digest authentication files)\n'
 '  - htdbm (Manipulate basic authentication files in DBM format, using APR)\n'
 '  - htcacheclean (Clean up the disk cache)\n'
 '  - rotatelogs (Periodically stop writing to a logfile and open a new one)\n'
 '  - split-logfile (Split a single log including multiple vhosts)\n'
 '  - checkgid (Checks whether the caller can setgid to the specified group)\n'
 '  - check_forensic (Extract mod_log_forensic output from Apache log files)\n'
 '  - httxt2dbm (Generate dbm files for use with RewriteMap)\n'
 'Homepage: https://httpd.apache.org/\n'
 '\n'
 'Package: redis-server\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: database\n'
 'Installed-Size: 183\n'
 'Maintainer: Chris Lamb <lamby@debian.org>\n'
 'Architecture: amd64\n'
 'Source: redis\n'
 'Version: 5:7.0.15-1~deb12u10\n'
 'Depends: lsb-base (>= 3.2-14), redis-tools (= 5:7.0.15-1~deb12u10)\n'
 'Pre-Depends: init-system-helpers (>= 1.54~)\n'
 'Conffiles:\n'
 ' /etc/default/redis-server 36255dd86b15accc2acd4db7f5e21f05\n'
 ' /etc/init.d/redis-server 2a51c7aa28acf5d7244352e80d0b26ff\n'
 ' /etc/logrotate.d/redis-server 420ce1e139dd2044c4a3e44a2781a0a3\n'
 ' /etc/redis/redis.conf 3f070d8d3ef55ec295f647bec0cd3326\n'
 'Description: Persistent key-value database with network interface\n'
 ' Redis is a key-value database in a similar vein to memcache but the dataset\n'
 ' is non-volatile. Redis additionally provides native support for atomically\n'
 ' manipulating and querying data structures such as lists and sets.\n'
 ' .\n'
 ' The dataset is stored entirely in memory and periodically flushed to disk.\n'
 'Homepage: https://redis.io/\n'
 '\n'
 'Package: redis-tools\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: database\n'
 'Installed-Size: 5837\n'
 'Maintainer: Chris Lamb <lamby@debian.org>\n'
 'Architecture: amd64\n'
 'Source: redis\n'
 'Version: 5:7.0.15-1~deb12u10\n'
 'Replaces: redis-server (<< 2:2.6.16-1)\n'
 'Depends: adduser, libatomic1 (>= 4.8), libc6 (>= 2.34), libjemalloc2 (>= 3.5.0), liblzf1 (>= '
 '1.5), libssl3 (>= 3.0.0), libsystemd0\n'
 'Suggests: ruby-redis\n'
 'Breaks: redis-server (<< 2:2.6.16-1)\n'
 'Description: Persistent key-value database with network interface (client)\n'
 ' Redis is a key-value database in a similar vein to memcache but the dataset\n'
 ' is non-volatile. Redis additionally provides native support for atomically\n'
 ' manipulating and querying data structures such as lists and sets.\n'
 ' .\n'
 ' This package contains the command line client and other tools.\n'
 'Homepage: https://redis.io/\n'
 '\n'
 'Package: dropbear\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: net\n'
 'Installed-Size: 75\n'
 'Maintainer: Guilhem Moulin <guilhem@debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Version: 2022.83-1+deb12u3\n'
 'Replaces: dropbear-run (<< 2019.78-1~)\n'
 'Depends: dropbear-bin (>= 2022.83-1+deb12u3), lsb-base (>= 3.0-6)\n'
 'Pre-Depends: init-system-helpers (>= 1.54~)\n'
 'Suggests: dropbear-initramfs, runit\n'
 'Breaks: dropbear-run (<< 2019.78-1~)\n'
 'Conffiles:\n'
 ' /etc/default/dropbear 0becdcec55a710024e3b4fa8b2752e0e\n'
 ' /etc/dropbear/log/run 1cfe24efd15e41994615e0244e386e55\n'
 ' /etc/dropbear/run e5e877e4e5ea5eb0e559d84f339925e5\n'
 ' /etc/init.d/dropbear b2c0a72920159149c6815ab2d59b684d\n'
 'Description: lightweight SSH2 server and client - startup scripts\n'
 ' dropbear is a SSH 2 server and client designed to be small enough to\n'
 ' be used in small memory environments, while still being functional and\n'
 ' secure enough for general use.\n'
 ' .\n'
 ' It implements most required features of the SSH 2 protocol, and other\n'
 ' features such as authentication agent forwarding.\n'
 ' .\n'
 ' This package provides startup scripts for the service manager.\n'
 'Homepage: https://matt.ucc.asn.au/dropbear/dropbear.html\n'
 '\n'
 'Package: dropbear-bin\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: net\n'
 'Installed-Size: 567\n'
 'Maintainer: Guilhem Moulin <guilhem@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: dropbear\n'
 'Version: 2022.83-1+deb12u3\n'
 'Replaces: dropbear (<< 2015.68-1)\n'
 'Provides: ssh-server\n'
 'Depends: libc6 (>= 2.34), libcrypt1 (>= 1:4.1.0), libtomcrypt1 (>= 1.18.2), libtommath1 (>= '
 '1.2.0), zlib1g (>= 1:1.1.4)\n'
 'Suggests: openssh-client\n'
 'Breaks: dropbear (<< 2015.68-1)\n'
 'Description: lightweight SSH2 server and client - command line tools\n'
 ' dropbear is a SSH 2 server and client designed to be small enough to\n'
 ' be used in small memory environments, while still being functional and\n'
 ' secure enough for general use.\n'
 ' .\n'
 ' It implements most required features of the SSH 2 protocol, and other\n'
 ' features such as authentication agent forwarding.\n'
 ' .\n'
 ' This package provides dropbear(8), dbclient(1), dropbearkey(1) and\n'
 ' dropbearconvert(1).\n'
 'Homepage: https://matt.ucc.asn.au/dropbear/dropbear.html\n'
 '\n'
 'Package: sudo\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: admin\n'
 'Installed-Size: 6055\n'
 'Maintainer: Sudo Maintainers <sudo@packages.debian.org>\n'
 'Architecture: amd64\n'
 'Version: 1.9.13p3-1+deb12u4\n'
 'Replaces: sudo-ldap\n'
 'Depends: libaudit1 (>= 1:2.2.1), libc6 (>= 2.34), libpam0g (>= 0.99.7.1), libselinux1 (>= '
 '3.1~), zlib1g (>= 1:1.2.0.2), libpam-modules\n'
 'Pre-Depends: init-system-helpers (>= 1.54~)\n'
 'Conflicts: sudo-ldap\n'
 'Conffiles:\n'
 ' /etc/init.d/sudo 4fd40c92739a3bb2242df7cc6af126df\n'
 ' /etc/pam.d/sudo 7fa5090826481c517f23faa1e21c77a8\n'
 ' /etc/pam.d/sudo-i 95199b1f3d5a60bcf98058d9f8b70e70\n'
 ' /etc/sudo.conf 8c714b777580faea54a2eb6d5f17ad1d\n'
 ' /etc/sudo_logsrvd.conf ad0ba586da300ae3ba46312ad744a6e2\n'
 ' /etc/sudoers da8bee36494c904ba767f0dd58920878\n'
 ' /etc/sudoers.d/README 44c75ff004a18eeefdde4c998914d6d3\n'
 'Description: Provide limited super user privileges to specific users\n'
 ' Sudo is a program designed to allow a sysadmin to give limited root\n'
 ' privileges to users and log root activity.  The basic philosophy is to give\n'
 ' as few privileges as possible but still allow people to get their work done.\n'
 ' .\n'
 ' This version is built with minimal shared library dependencies, use the\n'
 ' sudo-ldap package instead if you need LDAP support for sudoers.\n'
 'Homepage: https://www.sudo.ws/\n'
 '\n'
 'Package: curl\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: web\n'
 'Installed-Size: 489\n'
 'Maintainer: Alessandro Ghedini <ghedo@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 7.88.1-10+deb12u14\n'
 'Depends: libc6 (>= 2.34), libcurl4 (= 7.88.1-10+deb12u14), zlib1g (>= 1:1.1.4)\n'
 'Description: command line tool for transferring data with URL syntax\n'
 ' curl is a command line tool for transferring data with URL syntax, supporting\n'
 ' DICT, FILE, FTP, FTPS, GOPHER, HTTP, HTTPS, IMAP, IMAPS, LDAP, LDAPS, POP3,\n'
 ' POP3S, RTMP, RTSP, SCP, SFTP, SMTP, SMTPS, TELNET and TFTP.\n'
 ' .\n'
 ' curl supports SSL certificates, HTTP POST, HTTP PUT, FTP uploading, HTTP form\n'
 ' based upload, proxies, cookies, user+password authentication (Basic, Digest,\n'
 ' NTLM, Negotiate, kerberos...), file transfer resume, proxy tunneling and a\n'
 ' busload of other useful tricks.\n'
 'Homepage: https://curl.se/\n'
 '\n'
 'Package: busybox\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: utils\n'
 'Installed-Size: 818\n'
 'Maintainer: Debian Install System Team <debian-boot@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Source: busybox (1:1.35.0-4+deb12u1)\n'
 'Version: 1:1.35.0-4+deb12u1+b1\n'
 'Replaces: busybox-static\n'
 'Depends: libc6 (>= 2.34)\n'
 'Conflicts: busybox-static\n'
 'Description: Tiny utilities for small and embedded systems\n'
 ' BusyBox combines tiny versions of many common UNIX utilities into a single\n'
 ' small executable. It provides minimalist replacements for the most common\n'
 ' utilities you would usually find on your desktop system (i.e., ls, cp, mv,\n'
 ' mount, tar, etc.). The utilities in BusyBox generally have fewer options than\n'
 ' their full-featured GNU cousins; however, the options that are included\n'
 ' provide the expected functionality and behave very much like their GNU\n'
 ' counterparts.\n'
 ' .\n'
 ' This package installs the BusyBox binary but does not install\n'
 ' symlinks for any of the supported utilities. Some of the utilities\n'
 ' can be used in the system by installing the busybox-syslogd,\n'
 ' busybox-udhcpc or busybox-udhcpd packages.\n'
 'Homepage: http://www.busybox.net\n'
 '\n'
 'Package: cron\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: admin\n'
 'Installed-Size: 217\n'
 'Maintainer: Javier Fernández-Sanguino Peña <jfs@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 3.0pl1-162\n'
 'Replaces: bcron, cronie, systemd-cron\n'
 'Provides: cron-daemon\n'
 'Depends: libc6 (>= 2.34), libpam0g (>= 0.99.7.1), libselinux1 (>= 3.1~), sensible-utils, '
 'libpam-runtime\n'
 'Pre-Depends: init-system-helpers (>= 1.54~), cron-daemon-common\n'
 'Recommends: default-mta | mail-transport-agent\n'
 'Suggests: anacron, logrotate, checksecurity\n'
 'Conflicts: bcron, cronie, systemd-cron\n'
 'Conffiles:\n'
 ' /etc/default/cron eae0d979b5007d2af41540d8c2631359\n'
 ' /etc/init.d/cron 4824366b523de668591f5b6e258c7043\n'
 ' /etc/pam.d/cron 11e788a7f7cd5477b10da2c7fd5ecdf0\n'
 'Description: process scheduling daemon\n'
 ' The cron daemon is a background process that runs particular programs at\n'
 ' particular times (for example, every minute, day, week, or month), as\n'
 ' specified in a crontab. By default, users may also create crontabs of\n'
 ' their own so that processes are run on their behalf.\n'
 ' .\n'
 ' Output from the commands is usually mailed to the system administrator\n'
 ' (or to the user in question); you should probably install a mail system\n'
 ' as well so that you can receive these messages.\n'
 ' .\n'
 ' This cron package does not provide any system maintenance tasks. Basic\n'
 ' periodic maintenance tasks are provided by other packages, such\n'
 ' as checksecurity.\n'
 'Homepage: https://ftp.isc.org/isc/cron/\n'
 '\n'
 'Package: cron-daemon-common\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: admin\n'
 'Installed-Size: 44\n'
 'Maintainer: Javier Fernández-Sanguino Peña <jfs@debian.org>\n'
 'Architecture: all\n'
 'Source: cron\n'
 'Version: 3.0pl1-162\n'
 'Replaces: bcron (<< 0.11-9.1), cron (<< 3.0pl1-140), cronie (<< 1.6.1-5), systemd-cron (<< '
 '1.15.18-1.1)\n'
 'Depends: adduser\n'
 'Breaks: systemd-cron (<< 1.15.19-5~)\n'
 'Conflicts: bcron (<< 0.11-9.1), cron (<< 3.0pl1-140), cronie (<< 1.6.1-5), systemd-cron (<< '
 '1.15.18-1.1)\n'
 'Conffiles:\n'
 ' /etc/cron.d/.placeholder e5e12910bf011222160404d7bdb824f2\n'
 ' /etc/cron.daily/.placeholder e5e12910bf011222160404d7bdb824f2\n'
 ' /etc/cron.hourly/.placeholder e5e12910bf011222160404d7bdb824f2\n'
 ' /etc/cron.monthly/.placeholder e5e12910bf011222160404d7bdb824f2\n'
 ' /etc/cron.weekly/.placeholder e5e12910bf011222160404d7bdb824f2\n'
 ' /etc/cron.yearly/.placeholder e5e12910bf011222160404d7bdb824f2\n'
 ' /etc/crontab db66112a5d1014af79fd8077170ddcfa\n'
 "Description: process scheduling daemon's configuration files\n"
 ' The cron daemon is a background process that runs particular programs at\n'
 ' particular times (for example, every minute, day, week, or month), as\n'
 ' specified in a crontab. By default, users may also create crontabs of\n'
 ' their own so that processes are run on their behalf.\n'
 ' .\n'
 ' This package provides configuration files which must be there to\n'
 ' define scheduled process sets.\n'
 'Homepage: https://ftp.isc.org/isc/cron/\n'
 '\n'
 'Package: python3\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: python\n'
 'Installed-Size: 81\n'
 'Maintainer: Matthias Klose <doko@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: allowed\n'
 'Source: python3-defaults (3.11.2-1)\n'
 'Version: 3.11.2-1+b1\n'
 'Replaces: python3-minimal (<< 3.1.2-2)\n'
 'Provides: python3-profiler, python3-supported-max (= 3.11), python3-supported-min (= 3.11)\n'
 'Depends: python3.11 (>= 3.11.2-1~), libpython3-stdlib (= 3.11.2-1+b1)\n'
 'Pre-Depends: python3-minimal (= 3.11.2-1+b1)\n'
 'Suggests: python3-doc (>= 3.11.2-1+b1), python3-tk (>= 3.11.2-1~), python3-venv (>= '
 '3.11.2-1+b1)\n'
 'Description: interactive high-level object-oriented language (default python3 version)\n'
 ' Python, the high-level, interactive object oriented language,\n'
 ' includes an extensive class library with lots of goodies for\n'
 ' network programming, system administration, sounds and graphics.\n'
 ' .\n'
 " This package is a dependency package, which depends on Debian's default\n"
 ' Python 3 version (currently v3.11).\n'
 'Homepage: https://www.python.org/\n'
 '\n'
 'Package: python3.11\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: python\n'
 'Installed-Size: 649\n'
 'Maintainer: Matthias Klose <doko@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: allowed\n'
 'Version: 3.11.2-6+deb12u6\n'
 'Depends: python3.11-minimal (= 3.11.2-6+deb12u6), libpython3.11-stdlib (= 3.11.2-6+deb12u6), '
 'media-types | mime-support\n'
 'Recommends: ca-certificates\n'
 'Suggests: python3.11-venv, python3.11-doc, binutils\n'
 'Breaks: python3-all (<< 3.6.5~rc1-1), python3-dev (<< 3.6.5~rc1-1), python3-venv (<< '
 '3.6.5-2)\n'
 'Description: Interactive high-level object-oriented language (version 3.11)\n'
 ' Python is a high-level, interactive, object-oriented language. Its 3.11 version\n'
 ' includes an extensive class library with lots of goodies for\n'
 ' network programming, system administration, sounds and graphics.\n'
 '\n'
 'Package: python3-minimal\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: python\n'
 'Installed-Size: 111\n'
 'Maintainer: Matthias Klose <doko@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: allowed\n'
 'Source: python3-defaults (3.11.2-1)\n'
 'Version: 3.11.2-1+b1\n'
 'Depends: dpkg (>= 1.13.20)\n'
 'Pre-Depends: python3.11-minimal (>= 3.11.2-1~)\n'
 'Description: minimal subset of the Python language (default python3 version)\n'
 " This package contains the interpreter and some essential modules.  It's used\n"
 ' in the boot process for some basic tasks.\n'
 ' See /usr/share/doc/python3.11-minimal/README.Debian for a list of the modules\n'
 ' contained in this package.\n'
 'Homepage: https://www.python.org/\n'
 'Cnf-Visible-Pkgname: python3\n'
 '\n'
 'Package: python3.11-minimal\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: python\n'
 'Installed-Size: 6762\n'
 'Maintainer: Matthias Klose <doko@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: allowed\n'
 'Source: python3.11\n'
 'Version: 3.11.2-6+deb12u6\n'
 'Depends: libpython3.11-minimal (= 3.11.2-6+deb12u6), libexpat1 (>= 2.1~beta3), zlib1g (>= '
 '1:1.2.0)\n'
 'Pre-Depends: libc6 (>= 2.35)\n'
 'Recommends: python3.11\n'
 'Suggests: binfmt-support\n'
 'Conflicts: binfmt-support (<< 1.1.2)\n'
 'Description: Minimal subset of the Python language (version 3.11)\n'
 ' This package contains the interpreter and some essential modules.  It can\n'
 ' be used in the boot process for some basic tasks.\n'
 ' See /usr/share/doc/python3.11-minimal/README.Debian for a list of the modules\n'
 ' contained in this package.\n'
 'Cnf-Visible-Pkgname: python3.11\n'
 '\n'
 'Package: libpython3.11-stdlib\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: python\n'
 'Installed-Size: 8329\n'
 'Maintainer: Matthias Klose <doko@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: python3.11\n'
 'Version: 3.11.2-6+deb12u6\n'
 'Replaces: python3-gdbm (<< 3.9.9-1~)\n'
 'Depends: libpython3.11-minimal (= 3.11.2-6+deb12u6), media-types | mime-support, libbz2-1.0, '
 'libc6 (>= 2.34), libcrypt1 (>= 1:4.1.0), libdb5.3, libffi8 (>= 3.4), liblzma5 (>= '
 '5.1.1alpha+20120614), libncursesw6 (>= 6.1), libnsl2 (>= 1.0), libreadline8 (>= 7.0~beta), '
 'libsqlite3-0 (>= 3.36.0), libtinfo6 (>= 6), libtirpc3 (>= 1.0.2), libuuid1 (>= 2.20.1)\n'
 'Breaks: python3-gdbm (<< 3.9.9-1~)\n'
 'Description: Interactive high-level object-oriented language (standard library, version '
 '3.11)\n'
 ' Python is a high-level, interactive, object-oriented language. Its 3.11 version\n'
 ' includes an extensive class library with lots of goodies for\n'
 ' network programming, system administration, sounds and graphics.\n'
 ' .\n'
 " This package contains Python 3.11's standard library. It is normally not\n"
 ' used on its own, but as a dependency of python3.11.\n'
 '\n'
 'Package: libpython3.11-minimal\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: python\n'
 'Installed-Size: 5212\n'
 'Maintainer: Matthias Klose <doko@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: python3.11\n'
 'Version: 3.11.2-6+deb12u6\n'
 'Depends: libc6 (>= 2.14), libssl3 (>= 3.0.0)\n'
 'Recommends: libpython3.11-stdlib\n'
 'Conflicts: binfmt-support (<< 1.1.2)\n'
 'Conffiles:\n'
 ' /etc/python3.11/sitecustomize.py d6b276695157bde06a56ba1b2bc53670\n'
 'Description: Minimal subset of the Python language (version 3.11)\n'
 ' This package contains some essential modules. It is normally not\n'
 " used on it's own, but as a dependency of python3.11-minimal.\n"
 '\n'
 'Package: udev\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: admin\n'
 'Installed-Size: 10925\n'
 'Maintainer: Debian systemd Maintainers <pkg-systemd-maintainers@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: systemd\n'
 'Version: 252.39-1~deb12u2\n'
 'Depends: libacl1 (>= 2.2.23), libblkid1 (>= 2.37.2), libc6 (>= 2.34), libcap2 (>= 1:2.10), '
 'libkmod2 (>= 15), libselinux1 (>= 3.1~), adduser, libudev1 (= 252.39-1~deb12u2)\n'
 'Conffiles:\n'
 ' /etc/init.d/udev e9424814d107af7d8f58a22b1011810a\n'
 ' /etc/udev/udev.conf bf60be80a4cc51271a1618edf5a6d66f\n'
 'Description: /dev/ and hotplug management daemon\n'
 ' udev is a daemon which dynamically creates and removes device nodes from\n'
 ' /dev/, handles hotplug events and loads drivers at boot time.\n'
 'Homepage: https://www.freedesktop.org/wiki/Software/systemd\n'
 '\n'
 'Package: rsyslog\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: admin\n'
 'Installed-Size: 1942\n'
 'Maintainer: Michael Biebl <biebl@debian.org>\n'
 'Architecture: amd64\n'
 'Version: 8.2302.0-1+deb12u2\n'
 'Provides: linux-kernel-log-daemon, system-log-daemon\n'
 'Depends: libc6 (>= 2.34), libestr0 (>= 0.1.9), libfastjson4 (>= 0.99.8), liblognorm5 (>= '
 '2.0.3), libsystemd0 (>= 246), libuuid1 (>= 2.16), libzstd1 (>= 1.5.2), zlib1g (>= 1:1.1.4)\n'
 'Recommends: logrotate\n'
 'Suggests: rsyslog-mysql | rsyslog-pgsql, rsyslog-mongodb, rsyslog-doc, rsyslog-openssl | '
 'rsyslog-gnutls, rsyslog-gssapi, rsyslog-relp\n'
 'Conflicts: linux-kernel-log-daemon, system-log-daemon\n'
 'Conffiles:\n'
 ' /etc/logcheck/ignore.d.server/rsyslog 80e9fc074b97751dd4de99855bb8d0e0\n'
 ' /etc/logrotate.d/rsyslog 3f26282ac0106961634fe4efb9edc3f4\n'
 ' /etc/rsyslog.conf b71ef62df5c0fe31ee99be6581cb1810\n'
 'Description: reliable system and kernel logging daemon\n'
 ' Rsyslog is a multi-threaded implementation of syslogd (a system utility\n'
 ' providing support for message logging), with features that include:\n'
 '  * reliable syslog over TCP, SSL/TLS and RELP\n'
 '  * on-demand disk buffering\n'
 '  * email alerting\n'
 '  * writing to MySQL or PostgreSQL databases (via separate output plugins)\n'
 '  * permitted sender lists\n'
 '  * filtering on any part of the syslog message\n'
 '  * on-the-wire message compression\n'
 '  * fine-grained output format control\n'
 '  * failover to backup destinations\n'
 '  * enterprise-class encrypted syslog relaying\n'
 ' .\n'
 ' It is the default syslogd on Debian systems.\n'
 'Homepage: https://www.rsyslog.com/\n'
 '\n'
 'Package: netcat-openbsd\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: net\n'
 'Installed-Size: 108\n'
 'Maintainer: Guilhem Moulin <guilhem@debian.org>\n'
 'Architecture: amd64\n'
 'Version: 1.219-1\n'
 'Replaces: netcat (<< 1.10-35)\n'
 'Provides: netcat\n'
 'Depends: libbsd0 (>= 0.2.0), libc6 (>= 2.34)\n'
 'Breaks: netcat (<< 1.10-35)\n'
 'Description: TCP/IP swiss army knife\n'
 ' A simple Unix utility which reads and writes data across network connections\n'
 ' using TCP or UDP protocol. It is designed to be a reliable "back-end" tool\n'
 ' that can be used directly or easily driven by other programs and scripts. At\n'
 ' the same time it is a feature-rich network debugging and exploration tool,\n'
 ' since it can create almost any kind of connection you would need and has\n'
 ' several interesting built-in capabilities.\n'
 ' .\n'
 ' This package contains the OpenBSD rewrite of netcat, including support for\n'
 ' IPv6, proxies, and Unix sockets.\n'
 '\n'
 'Package: tftp-hpa\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: net\n'
 'Installed-Size: 59\n'
 'Maintainer: Ron Lee <ron@debian.org>\n'
 'Architecture: amd64\n'
 'Version: 5.2+20150808-1.4\n'
 'Replaces: tftp (<< 0.17-23.1)\n'
 'Depends: libc6 (>= 2.34)\n'
 'Breaks: tftp (<< 0.17-23.1)\n'
 "Description: HPA's tftp client\n"
 ' Trivial File Transfer Protocol (TFTP) is a file transfer protocol, mainly to\n'
 ' serve boot images over the network to other machines (PXE).\n'
 ' .\n'
 ' tftp-hpa is an enhanced version of the BSD TFTP client and server. It\n'
 ' possesses a number of bugfixes and enhancements over the original.\n'
 ' .\n'
 ' This package contains the client.\n'
 'Homepage: http://git.kernel.org/cgit/network/tftp/tftp-hpa.git\n'
 '\n'
 'Package: psmisc\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: admin\n'
 'Installed-Size: 909\n'
 'Maintainer: Craig Small <csmall@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 23.6-1\n'
 'Replaces: manpages-de (<< 4.9.1-1)\n'
 'Depends: libc6 (>= 2.34), libtinfo6 (>= 6)\n'
 'Breaks: manpages-de (<< 4.9.1-1)\n'
 'Description: utilities that use the proc file system\n'
 ' This package contains miscellaneous utilities that use the proc FS:\n'
 ' .\n'
 '  - fuser: identifies processes that are using files or sockets.\n'
 '  - killall: kills processes by name (e.g. "killall -HUP named").\n'
 '  - peekfd: shows the data traveling over a file descriptor.\n'
 '  - pstree: shows currently running processes as a tree.\n'
 '  - prtstat: print the contents of /proc/<pid>/stat\n'
 'Homepage: http://psmisc.sf.net/\n'
 '\n'
 'Package: lsb-release\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: misc\n'
 'Installed-Size: 17\n'
 'Maintainer: Gioele Barabucci <gioele@svario.it>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Source: lsb-release-minimal\n'
 'Version: 12.0-1\n'
 'Description: Linux Standard Base version reporting utility (minimal implementation)\n'
 ' The Linux Standard Base (http://www.linuxbase.org/) is a standard\n'
 ' core system that third-party applications written for Linux can\n'
 ' depend upon.\n'
 ' .\n'
 ' The lsb-release command is a simple tool to help identify the Linux\n'
 ' distribution being used and its compliance with the Linux Standard Base.\n'
 ' .\n'
 ' This package contains a bare-bones implementation that uses the\n'
 ' information in /etc/os-release instead of relying on LSB packages.\n'
 'Homepage: https://gioele.io/lsb-release-minimal\n'
 '\n'
 'Package: libc6\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 13001\n'
 'Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: glibc\n'
 'Version: 2.36-9+deb12u14\n'
 'Replaces: libc6-amd64\n'
 'Depends: libgcc-s1\n'
 'Recommends: libidn2-0 (>= 2.0.5~)\n'
 'Suggests: glibc-doc, debconf | debconf-2.0, libc-l10n, locales, libnss-nis, libnss-nisplus\n'
 'Breaks: aide (<< 0.17.3-4+b3), busybox (<< 1.30.1-6), chrony (<< 4.2-3~), fakechroot (<< '
 '2.19-3.5), firefox (<< 91~), firefox-esr (<< 91~), gnumach-image-1.8-486 (<< '
 '2:1.8+git20210923~), gnumach-image-1.8-486-dbg (<< 2:1.8+git20210923~), '
 'gnumach-image-1.8-xen-486 (<< 2:1.8+git20210923~), gnumach-image-1.8-xen-486-dbg (<< '
 '2:1.8+git20210923~), hurd (<< 1:0.9.git20220301-2), ioquake3 (<< '
 '1.36+u20200211.f2c61c1~dfsg-2~), iraf-fitsutil (<< 2018.07.06-4), libgegl-0.4-0 (<< 0.4.18), '
 'libtirpc1 (<< 0.2.3), locales (<< 2.36), locales-all (<< 2.36), macs (<< 2.2.7.1-3~), '
 'nocache (<< 1.1-1~), nscd (<< 2.36), openarena (<< 0.8.8+dfsg-4~), openssh-server (<< '
 '1:8.1p1-5), python3-iptables (<< 1.0.0-2), r-cran-later (<< 0.7.5+dfsg-2), tinydns (<< '
 '1:1.05-14), valgrind (<< 1:3.19.0-1~), wcc (<< 0.0.2+dfsg-3)\n'
 'Conffiles:\n'
 ' /etc/ld.so.conf.d/x86_64-linux-gnu.conf d4e7a7b88a71b5ffd9e2644e71a0cfab\n'
 'Description: GNU C Library: Shared libraries\n'
 ' Contains the standard libraries that are used by nearly all programs on\n'
 ' the system. This package includes shared versions of the standard C library\n'
 ' and the standard math library, as well as many others.\n'
 'Homepage: https://www.gnu.org/software/libc/libc.html\n'
 '\n'
 'Package: zlib1g\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 168\n'
 'Maintainer: Mark Brown <broonie@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: zlib\n'
 'Version: 1:1.2.13.dfsg-1\n'
 'Provides: libz1\n'
 'Depends: libc6 (>= 2.14)\n'
 'Breaks: libxml2 (<< 2.7.6.dfsg-2), texlive-binaries (<< 2009-12)\n'
 'Conflicts: zlib1 (<= 1:1.0.4-7)\n'
 'Description: compression library - runtime\n'
 ' zlib is a library implementing the deflate compression method found\n'
 ' in gzip and PKZIP.  This package includes the shared library.\n'
 'Homepage: http://zlib.net/\n'
 '\n'
 'Package: libtomcrypt1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 968\n'
 'Maintainer: Nicolas Mora <babelouest@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libtomcrypt\n'
 'Version: 1.18.2-6\n'
 'Depends: libc6 (>= 2.14), libgmp10 (>= 2:6.2.1+dfsg1), libtommath1 (>= 1.1.0)\n'
 'Description: public domain open source cryptographic toolkit\n'
 ' LibTomCrypt is a well documented, public domain open source cryptographic\n'
 ' toolkit written in C. It supports lots of block ciphers (Blowfish, Twofish,\n'
 ' AES, XTEA, ...), chaining modes (ECB, CBC, OFB, CFB, CTR, ...), hash functions\n'
 ' (MD5, SHA-1, SHA-256, RIPE-MD, ...), HMAC mechanisms, pseudo-random number\n'
 ' generators and public key algorithms. It has several optimizations for the\n'
 ' i386, x86_64 and ppc32 architectures.\n'
 'Homepage: https://www.libtom.net/LibTomCrypt/\n'
 '\n'
 'Package: libtommath1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 152\n'
 'Maintainer: Debian Rakudo Maintainers <pkg-rakudo-devel@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libtommath\n'
 'Version: 1.2.0-6+deb12u1\n'
 'Depends: libc6 (>= 2.25)\n'
 'Description: multiple-precision integer library [runtime]\n'
 ' LibTomMath is a C language library that provides a vast array of highly\n'
 ' optimized functions for number theory; including:\n'
 ' .\n'
 '  * Simple Algebra (Addition, Subtraction, Multiplication, Division)\n'
 '  * Digit Manipulation (shift, binary AND/OR/XOR)\n'
 '  * Modular Reduction (Barrett, Montgomery, DR, 2k)\n'
 '  * Number Theory\n'
 '    - Greatest Common Divisor\n'
 '    - Least Common Multiple\n'
 '    - Jacobi Symbol Computation\n'
 '    - Multiplicative Inverse\n'
 '    - Modular Exponentiation\n'
 '    - Fermat & Miller-Rabin Primality Tests\n'
 '  * Miscellaneous\n'
 '    - Root finding over Z\n'
 '    - Pseudo-random integers\n'
 '    - Signed & Unsigned comparisons\n'
 '    - Karatsuba and Toom-Cook multiplication algorithms\n'
 '    - Fast Comba based Multiplier, Squaring and Montgomery routines\n'
 ' .\n'
 ' This package contains the library needed to run programs that\n'
 ' use LibTomMath.\n'
 'Homepage: http://www.libtom.net/LibTomMath/\n'
 '\n'
 'Package: libcrypt1\n'
 'Protected: yes\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 233\n'
 "Maintainer: Marco d'Itri <md@linux.it>\n"
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libxcrypt\n'
 'Version: 1:4.4.33-2\n'
 'Replaces: libc6 (<< 2.29-4)\n'
 'Depends: libc6 (>= 2.36)\n'
 'Conflicts: libpam0g (<< 1.4.0-10)\n'
 'Description: libcrypt shared library\n'
 ' libxcrypt is a modern library for one-way hashing of passwords.\n'
 ' It supports DES, MD5, NTHASH, SUNMD5, SHA-2-256, SHA-2-512, and\n'
 ' bcrypt-based password hashes\n'
 " It provides the traditional Unix 'crypt' and 'crypt_r' interfaces,\n"
 " as well as a set of extended interfaces like 'crypt_gensalt'.\n"
 'Important: yes\n'
 '\n'
 'Package: kmod\n'
 'Status: install ok installed\n'
 'Priority: important\n'
 'Section: admin\n'
 'Installed-Size: 251\n'
 "Maintainer: Marco d'Itri <md@linux.it>\n"
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 30+20221128-1\n'
 'Depends: libc6 (>= 2.34), liblzma5 (>= 5.1.1alpha+20120614), libssl3 (>= 3.0.0), libzstd1 '
 '(>= 1.5.2), libkmod2 (= 30+20221128-1)\n'
 'Conffiles:\n'
 ' /etc/init.d/kmod c5df572a7bc622632284b75441ee066e\n'
 'Description: tools for managing Linux kernel modules\n'
 ' This package contains a set of programs for loading, inserting, and\n'
 ' removing kernel modules for Linux.\n'
 ' It replaces module-init-tools.\n'
 '\n'
 'Package: linux-base\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: kernel\n'
 'Installed-Size: 76\n'
 'Maintainer: Debian Kernel Team <debian-kernel@lists.debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Version: 4.12.1~deb12u1\n'
 'Replaces: kernel-common (<= 13.018+nmu1)\n'
 'Depends: debconf (>= 0.5) | debconf-2.0\n'
 'Breaks: kernel-common (<= 13.018+nmu1), linux-perf (<< 5.16.2-1~exp1)\n'
 'Description: Linux image base package\n'
 ' This package contains files and support scripts for all Linux\n'
 ' images.\n'
 '\n'
 'Package: initramfs-tools\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: utils\n'
 'Installed-Size: 58\n'
 'Maintainer: Debian kernel team <debian-kernel@lists.debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Version: 0.142+deb12u3\n'
 'Provides: linux-initramfs-tool\n'
 'Depends: initramfs-tools-core (= 0.142+deb12u3), linux-base\n'
 'Suggests: bash-completion\n'
 'Breaks: e2fsprogs (<< 1.42.13), initscripts (<< 2.88dsf-59.3~), upstart\n'
 'Conflicts: linux-initramfs-tool, usplash (<< 0.5.50)\n'
 'Conffiles:\n'
 ' /etc/initramfs-tools/update-initramfs.conf e2026d4603e7161efaccca519aeb1297\n'
 ' /etc/kernel/postinst.d/initramfs-tools c1cb0e052a2cdeef4f3257585c83c58d\n'
 ' /etc/kernel/postrm.d/initramfs-tools e7471d253a5b24e2fd85b40be4e43218\n'
 'Description: generic modular initramfs generator (automation)\n'
 ' This package builds a bootable initramfs for Linux kernel packages.  The\n'
 ' initramfs is loaded along with the kernel and is responsible for\n'
 ' mounting the root filesystem and starting the main init system.\n'
 '\n'
 'Package: zstd\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: utils\n'
 'Installed-Size: 2102\n'
 'Maintainer: RPM packaging team <team+pkg-rpm@tracker.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: libzstd\n'
 'Version: 1.5.4+dfsg2-5\n'
 'Depends: libc6 (>= 2.34), libgcc-s1 (>= 3.0), liblz4-1 (>= 1.8.0), liblzma5 (>= '
 '5.1.1alpha+20120614), libstdc++6 (>= 12), zlib1g (>= 1:1.1.4)\n'
 'Description: fast lossless compression algorithm -- CLI tool\n'
 ' Zstd, short for Zstandard, is a fast lossless compression algorithm, targeting\n'
 ' real-time compression scenarios at zlib-level compression ratio.\n'
 ' .\n'
 ' This package contains the CLI program implementing zstd.\n'
 'Homepage: https://github.com/facebook/zstd\n'
 '\n'
 'Package: libapt-pkg6.0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 3297\n'
 'Maintainer: APT Development Team <deity@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: apt\n'
 'Version: 2.6.1\n'
 'Provides: libapt-pkg (= 2.6.1)\n'
 'Depends: libbz2-1.0, libc6 (>= 2.34), libgcc-s1 (>= 3.0), libgcrypt20 (>= 1.10.0), liblz4-1 '
 '(>= 0.0~r127), liblzma5 (>= 5.1.1alpha+20120614), libstdc++6 (>= 11), libsystemd0 (>= 221), '
 'libudev1 (>= 183), libxxhash0 (>= 0.7.1), libzstd1 (>= 1.5.2), zlib1g (>= 1:1.2.2.3)\n'
 'Recommends: apt (>= 2.6.1)\n'
 'Breaks: appstream (<< 0.9.0-3~), apt (<< 1.6~), aptitude (<< 0.8.9), dpkg (<< 1.20.8), '
 'libapt-inst1.5 (<< 0.9.9~)\n'
 'Description: package management runtime library\n'
 ' This library provides the common functionality for searching and\n'
 ' managing packages as well as information about packages.\n'
 ' Higher-level package managers can depend upon this library.\n'
 ' .\n'
 ' This includes:\n'
 '  * retrieval of information about packages from multiple sources\n'
 '  * retrieval of packages and all dependent packages\n'
 '    needed to satisfy a request either through an internal\n'
 '    solver or by interfacing with an external one\n'
 '  * authenticating the sources and validating the retrieved data\n'
 '  * installation and removal of packages in the system\n'
 '  * providing different transports to retrieve data over cdrom, ftp,\n'
 '    http(s), rsh as well as an interface to add more transports like\n'
 '    tor+http(s) (apt-transport-tor).\n'
 '\n'
 'Package: libgcc-s1\n'
 'Protected: yes\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 140\n'
 'Maintainer: Debian GCC Maintainers <debian-gcc@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: gcc-12\n'
 'Version: 12.2.0-14+deb12u1\n'
 'Replaces: libgcc1 (<< 1:10)\n'
 'Provides: libgcc1 (= 1:12.2.0-14+deb12u1)\n'
 'Depends: gcc-12-base (= 12.2.0-14+deb12u1), libc6 (>= 2.35)\n'
 'Description: GCC support library\n'
 ' Shared version of the support library, a library of internal subroutines\n'
 ' that GCC uses to overcome shortcomings of particular machines, or\n'
 ' special needs for some languages.\n'
 'Homepage: http://gcc.gnu.org/\n'
 'Important: yes\n'
 '\n'
 'Package: libgnutls30\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 3396\n'
 'Maintainer: Debian GnuTLS Maintainers <pkg-gnutls-maint@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: gnutls28\n'
 'Version: 3.7.9-2+deb12u7\n'
 'Depends: libc6 (>= 2.34), libgmp10 (>= 2:6.2.1+dfsg1), libhogweed6 (>= 3.6), libidn2-0 (>= '
 '2.0.0), libnettle8 (>= 3.7~), libp11-kit0 (>= 0.23.18.1), libtasn1-6 (>= 4.14), '
 'libunistring2 (>= 0.9.7)\n'
 'Suggests: gnutls-bin\n'
 'Description: GNU TLS library - main runtime library\n'
 ' GnuTLS is a portable library which implements the Transport Layer\n'
 ' Security (TLS 1.0, 1.1, 1.2, 1.3) and Datagram\n'
 ' Transport Layer Security (DTLS 1.0, 1.2) protocols.\n'
 ' .\n'
 ' GnuTLS features support for:\n'
 '  - certificate path validation, as well as DANE and trust on first use.\n'
 '  - the Online Certificate Status Protocol (OCSP).\n'
 '  - public key methods, including RSA and Elliptic curves, as well as password\n'
 '    and key authentication methods such as SRP and PSK protocols.\n'
 '  - all the strong encryption algorithms, including AES and Camellia.\n'
 '  - CPU-assisted cryptography with VIA padlock and AES-NI instruction sets.\n'
 '  - HSMs and cryptographic tokens, via PKCS #11.\n'
 ' .\n'
 ' This package contains the main runtime library.\n'
 'Homepage: https://www.gnutls.org/\n'
 '\n'
 'Package: libseccomp2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 148\n'
 'Maintainer: Kees Cook <kees@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libseccomp\n'
 'Version: 2.5.4-1+deb12u1\n'
 'Depends: libc6 (>= 2.4)\n'
 'Description: high level interface to Linux seccomp filter\n'
 ' This library provides a high level interface to constructing, analyzing\n'
 " and installing seccomp filters via a BPF passed to the Linux Kernel's\n"
 ' prctl() syscall.\n'
 'Homepage: https://github.com/seccomp/libseccomp\n'
 '\n'
 'Package: libstdc++6\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 2686\n'
 'Maintainer: Debian GCC Maintainers <debian-gcc@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: gcc-12\n'
 'Version: 12.2.0-14+deb12u1\n'
 'Replaces: libstdc++6-12-dbg (<< 4.9.0-3)\n'
 'Depends: gcc-12-base (= 12.2.0-14+deb12u1), libc6 (>= 2.36), libgcc-s1 (>= 4.2)\n'
 'Breaks: gcc-4.3 (<< 4.3.6-1), gcc-4.4 (<< 4.4.6-4), gcc-4.5 (<< 4.5.3-2)\n'
 'Conflicts: scim (<< 1.4.2-1)\n'
 'Description: GNU Standard C++ Library v3\n'
 ' This package contains an additional runtime library for C++ programs\n'
 ' built with the GNU compiler.\n'
 ' .\n'
 ' libstdc++-v3 is a complete rewrite from the previous libstdc++-v2, which\n'
 ' was included up to g++-2.95. The first version of libstdc++-v3 appeared\n'
 ' in g++-3.0.\n'
 'Homepage: http://gcc.gnu.org/\n'
 '\n'
 'Package: libsystemd0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 909\n'
 'Maintainer: Debian systemd Maintainers <pkg-systemd-maintainers@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: systemd\n'
 'Version: 252.39-1~deb12u2\n'
 'Depends: libc6 (>= 2.34), libcap2 (>= 1:2.10), libgcrypt20 (>= 1.10.0), liblz4-1 (>= '
 '0.0~r122), liblzma5 (>= 5.1.1alpha+20120614), libzstd1 (>= 1.5.2)\n'
 'Description: systemd utility library\n'
 ' This library provides APIs to interface with various system components such as\n'
 ' the system journal, the system service manager, D-Bus and more.\n'
 'Homepage: https://www.freedesktop.org/wiki/Software/systemd\n'
 '\n'
 'Package: libdebconfclient0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 37\n'
 'Maintainer: Debian Install System Team <debian-boot@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: cdebconf\n'
 'Version: 0.270\n'
 'Depends: libc6 (>= 2.4)\n'
 'Description: Debian Configuration Management System (C-implementation library)\n'
 ' Debconf is a configuration management system for Debian packages. It is\n'
 ' used by some packages to prompt you for information before they are\n'
 ' installed. cdebconf is a reimplementation of the original debconf in C.\n'
 ' .\n'
 ' This library allows C programs to interface with cdebconf.\n'
 '\n'
 'Package: libselinux1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 199\n'
 'Maintainer: Debian SELinux maintainers <selinux-devel@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libselinux (3.4-1)\n'
 'Version: 3.4-1+b6\n'
 'Depends: libc6 (>= 2.34), libpcre2-8-0 (>= 10.22)\n'
 'Description: SELinux runtime shared libraries\n'
 ' This package provides the shared libraries for Security-enhanced\n'
 ' Linux that provides interfaces (e.g. library functions for the\n'
 ' SELinux kernel APIs like getcon(), other support functions like\n'
 ' getseuserbyname()) to SELinux-aware applications. Security-enhanced\n'
 ' Linux is a patch of the Linux kernel and a number of utilities with\n'
 ' enhanced security functionality designed to add mandatory access\n'
 ' controls to Linux.  The Security-enhanced Linux kernel contains new\n'
 ' architectural components originally developed to improve the security\n'
 ' of the Flask operating system. These architectural components provide\n'
 ' general support for the enforcement of many kinds of mandatory access\n'
 ' control policies, including those based on the concepts of Type\n'
 ' Enforcement, Role-based Access Control, and Multi-level Security.\n'
 ' .\n'
 ' libselinux1 provides an API for SELinux applications to get and set\n'
 ' process and file security contexts and to obtain security policy\n'
 ' decisions.  Required for any applications that use the SELinux\n'
 ' API. libselinux may use the shared libsepol to manipulate the binary\n'
 ' policy if necessary (e.g. to downgrade the policy format to an older\n'
 ' version supported by the kernel) when loading policy.\n'
 'Homepage: https://selinuxproject.org\n'
 '\n'
 'Package: libtinfo6\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 541\n'
 'Maintainer: Craig Small <csmall@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: ncurses\n'
 'Version: 6.4-4\n'
 'Depends: libc6 (>= 2.34)\n'
 'Description: shared low-level terminfo library for terminal handling\n'
 ' The ncurses library routines are a terminal-independent method of\n'
 ' updating character screens with reasonable optimization.\n'
 ' .\n'
 ' This package contains the shared low-level terminfo library.\n'
 'Homepage: https://invisible-island.net/ncurses/\n'
 '\n'
 'Package: libreadline8\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 475\n'
 'Maintainer: Matthias Klose <doko@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: readline\n'
 'Version: 8.2-1.3\n'
 'Depends: readline-common, libc6 (>= 2.33), libtinfo6 (>= 6)\n'
 'Description: GNU readline and history libraries, run-time libraries\n'
 ' The GNU readline library aids in the consistency of user interface\n'
 ' across discrete programs that need to provide a command line\n'
 ' interface.\n'
 ' .\n'
 ' The GNU history library provides a consistent user interface for\n'
 ' recalling lines of previously typed input.\n'
 '\n'
 'Package: libedit2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 258\n'
 'Maintainer: LLVM Packaging Team <pkg-llvm-team@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libedit\n'
 'Version: 3.1-20221030-2\n'
 'Replaces: libedit-dev (<< 3.1-20180525-2~)\n'
 'Depends: libbsd0 (>= 0.1.3), libc6 (>= 2.33), libtinfo6 (>= 6)\n'
 'Description: BSD editline and history libraries\n'
 ' Command line editor library provides generic line editing,\n'
 ' history, and tokenization functions.\n'
 ' .\n'
 ' It slightly resembles GNU readline.\n'
 'Homepage: https://www.thrysoee.dk/editline/\n'
 '\n'
 'Package: libidn2-0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 439\n'
 'Maintainer: Debian Libidn team <help-libidn@gnu.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libidn2 (2.3.3-1)\n'
 'Version: 2.3.3-1+b1\n'
 'Depends: libc6 (>= 2.14), libunistring2 (>= 0.9.7)\n'
 'Description: Internationalized domain names (IDNA2008/TR46) library\n'
 ' Libidn2 implements the revised algorithm for internationalized domain\n'
 ' names called IDNA2008/TR46.\n'
 ' .\n'
 ' This package contains runtime libraries.\n'
 'Homepage: https://www.gnu.org/software/libidn/#libidn2\n'
 '\n'
 'Package: libjemalloc2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 872\n'
 'Maintainer: Faidon Liambotis <paravoid@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: jemalloc\n'
 'Version: 5.3.0-1\n'
 'Depends: libc6 (>= 2.34), libgcc-s1 (>= 3.3), libstdc++6 (>= 4.4)\n'
 'Description: general-purpose scalable concurrent malloc(3) implementation\n'
 ' A library providing a malloc(3) implementation for multi-threaded processes on\n'
 ' multi-processor systems.\n'
 ' .\n'
 ' Notable features are reduced lock contention, predictable low fragmentation,\n'
 ' and introspection with heap profiling.\n'
 'Homepage: http://jemalloc.net/\n'
 '\n'
 'Package: libkrb5-3\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 1077\n'
 'Maintainer: Sam Hartman <hartmans@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: krb5\n'
 'Version: 1.20.1-2+deb12u3\n'
 'Depends: libc6 (>= 2.34), libcom-err2 (>= 1.43.9), libk5crypto3 (>= 1.20), libkeyutils1 (>= '
 '1.5.9), libkrb5support0 (= 1.20.1-2+deb12u3), libssl3 (>= 3.0.0)\n'
 'Recommends: krb5-locales\n'
 'Suggests: krb5-doc, krb5-user\n'
 'Breaks: libapache2-mod-auth-kerb (<= 5.4-2.4), libsmbclient (<= 2:3.6.1-2), sssd (<= '
 '1.2.1-4.3)\n'
 'Description: MIT Kerberos runtime libraries\n'
 ' Kerberos is a system for authenticating users and services on a network.\n'
 ' Kerberos is a trusted third-party service.  That means that there is a\n'
 ' third party (the Kerberos server) that is trusted by all the entities on\n'
 ' the network (users and services, usually called "principals").\n'
 ' .\n'
 ' This is the MIT reference implementation of Kerberos V5.\n'
 ' .\n'
 ' This package contains the runtime library for the main Kerberos v5 API\n'
 ' used by applications and Kerberos clients.\n'
 'Homepage: https://web.mit.edu/kerberos/\n'
 '\n'
 'Package: libprotobuf-c1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 69\n'
 'Maintainer: Robert Edmonds <edmonds@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: protobuf-c (1.4.1-1)\n'
 'Version: 1.4.1-1+b1\n'
 'Depends: libc6 (>= 2.14)\n'
 'Description: Protocol Buffers C shared library (protobuf-c)\n'
 ' Protocol Buffers are a flexible, efficient, automated mechanism for\n'
 ' serializing structured data - similar to XML, but smaller, faster, and\n'
 ' simpler. You define how you want your data to be structured once, then you can\n'
 ' use special generated source code to easily write and read your structured\n'
 ' data to and from a variety of data streams and using a variety of languages.\n'
 ' You can even update your data structure without breaking deployed programs\n'
 ' that are compiled against the "old" format.\n'
 ' .\n'
 ' This is the "protobuf-c" implementation of Protocol Buffers in C.\n'
 ' .\n'
 ' This package contains the shared library.\n'
 'Homepage: https://github.com/protobuf-c/protobuf-c\n'
 '\n'
 'Package: libuv1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 294\n'
 'Maintainer: Dominique Dumont <dod@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Version: 1.44.2-1+deb12u1\n'
 'Depends: libc6 (>= 2.34)\n'
 'Description: asynchronous event notification library - runtime library\n'
 ' Libuv is the asynchronous library behind Node.js. Very similar to libevent or\n'
 ' libev, it provides the main elements for event driven systems: watching and\n'
 ' waiting for availability in a set of sockets, and some other events like timers\n'
 ' or asynchronous messages. However, libuv also comes with some other extras\n'
 ' like:\n'
 '  * files watchers and asynchronous operations\n'
 '  * a portable TCP and UDP API, as well as asynchronous DNS resolution\n'
 '  * processes and threads management, and a portable inter-process\n'
 '    communications mechanism, with pipes and work queues\n'
 '  * a plugins mechanism for loading libraries dynamically\n'
 '  * interface with external libraries that also need to access the I/O.\n'
 ' .\n'
 ' This package includes the dynamic library against which you can link\n'
 ' your program.\n'
 'Homepage: https://github.com/libuv/libuv\n'
 '\n'
 'Package: libfstrm0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 70\n'
 'Maintainer: Robert Edmonds <edmonds@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: fstrm\n'
 'Version: 0.6.1-1\n'
 'Depends: libc6 (>= 2.32)\n'
 'Description: Frame Streams (fstrm) library\n'
 ' Frame Streams is a light weight, binary clean protocol that allows for the\n'
 ' transport of arbitrarily encoded data payload sequences with minimal framing\n'
 ' overhead -- just four bytes per data frame. Frame Streams does not specify an\n'
 ' encoding format for data frames and can be used with any data serialization\n'
 ' format that produces byte sequences, such as Protocol Buffers, XML, JSON,\n'
 ' MessagePack, YAML, etc. Frame Streams can be used as both a streaming\n'
 ' transport over a reliable byte stream socket (TCP sockets, TLS connections,\n'
 ' AF_UNIX sockets, etc.) for data in motion as well as a file format for data\n'
 ' at rest. A "Content Type" header identifies the type of payload being carried\n'
 ' over an individual Frame Stream and allows cooperating programs to determine\n'
 ' how to interpret a given sequence of data payloads.\n'
 ' .\n'
 ' This is the "fstrm" implementation of Frame Streams in C.\n'
 ' .\n'
 ' This package contains the shared library.\n'
 'Homepage: https://github.com/farsightsec/fstrm\n'
 '\n'
 'Package: libgssapi-krb5-2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 425\n'
 'Maintainer: Sam Hartman <hartmans@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: krb5\n'
 'Version: 1.20.1-2+deb12u3\n'
 'Depends: libc6 (>= 2.33), libcom-err2 (>= 1.43.9), libk5crypto3 (>= 1.20), libkrb5-3 (= '
 '1.20.1-2+deb12u3), libkrb5support0 (>= 1.15~beta1)\n'
 'Suggests: krb5-doc, krb5-user\n'
 'Breaks: moonshot-gss-eap (<= 1.0)\n'
 'Description: MIT Kerberos runtime libraries - krb5 GSS-API Mechanism\n'
 ' Kerberos is a system for authenticating users and services on a network.\n'
 ' Kerberos is a trusted third-party service.  That means that there is a\n'
 ' third party (the Kerberos server) that is trusted by all the entities on\n'
 ' the network (users and services, usually called "principals").\n'
 ' .\n'
 ' This is the MIT reference implementation of Kerberos V5.\n'
 ' .\n'
 ' This package contains the runtime library for the MIT Kerberos\n'
 ' implementation of GSS-API used by applications and Kerberos clients.\n'
 'Homepage: https://web.mit.edu/kerberos/\n'
 '\n'
 'Package: libjson-c5\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 109\n'
 'Maintainer: Nicolas Mora <babelouest@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: json-c\n'
 'Version: 0.16-2\n'
 'Depends: libc6 (>= 2.33)\n'
 'Description: JSON manipulation library - shared library\n'
 ' This library allows you to easily construct JSON objects in C,\n'
 ' output them as JSON formatted strings and parse JSON formatted\n'
 ' strings back into the C representation of JSON objects.\n'
 'Homepage: https://github.com/json-c/json-c/wiki\n'
 '\n'
 'Package: liblmdb0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 104\n'
 'Maintainer: LMDB <lmdb@packages.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: lmdb\n'
 'Version: 0.9.24-1\n'
 'Depends: libc6 (>= 2.14)\n'
 'Description: Lightning Memory-Mapped Database shared library\n'
 ' This package contains the LMDB shared library.\n'
 ' .\n'
 ' Lighting Memory-Mapped Database (LMDB) is an ultra-fast, ultra-compact\n'
 ' key-value embedded data store developed for the OpenLDAP Project.  It uses\n'
 ' memory-mapped files, so it has the read performance of a pure in-memory\n'
 ' database while still offering the persistence of standard disk-based\n'
 ' databases, and is only limited to the size of the virtual address space, (it\n'
 ' is not limited to the size of physical RAM).\n'
 'Homepage: http://symas.com/mdb/\n'
 '\n'
 'Package: libmaxminddb0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 76\n'
 'Maintainer: Faidon Liambotis <paravoid@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libmaxminddb\n'
 'Version: 1.7.1-1\n'
 'Depends: libc6 (>= 2.33)\n'
 'Suggests: mmdb-bin\n'
 'Description: IP geolocation database library\n'
 ' The libmaxminddb library provides a C library for reading MaxMind DB files,\n'
 ' including the GeoIP2 databases from MaxMind. This is a custom binary format\n'
 ' designed to facilitate fast lookups of IP addresses while allowing for great\n'
 ' flexibility in the type of data associated with an address.\n'
 ' .\n'
 ' The MaxMind DB format is an open format. The spec is available at\n'
 ' http://maxmind.github.io/MaxMind-DB/. This spec is licensed under the Creative\n'
 ' Commons Attribution-ShareAlike 3.0 Unported License.\n'
 'Homepage: https://maxmind.github.io/libmaxminddb/\n'
 '\n'
 'Package: libnghttp2-14\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 220\n'
 'Maintainer: Tomasz Buchert <tomasz@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: nghttp2\n'
 'Version: 1.52.0-1+deb12u2\n'
 'Depends: libc6 (>= 2.17)\n'
 'Description: library implementing HTTP/2 protocol (shared library)\n'
 ' This is an implementation of the Hypertext Transfer Protocol version\n'
 ' 2 in C. The framing layer of HTTP/2 is implemented as a reusable C\n'
 ' library.\n'
 ' .\n'
 ' This package installs a shared library.\n'
 'Homepage: https://nghttp2.org/\n'
 '\n'
 'Package: libssl3\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 6029\n'
 'Maintainer: Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: openssl\n'
 'Version: 3.0.19-1~deb12u2\n'
 'Depends: libc6 (>= 2.34)\n'
 'Description: Secure Sockets Layer toolkit - shared libraries\n'
 " This package is part of the OpenSSL project's implementation of the SSL\n"
 ' and TLS cryptographic protocols for secure communication over the\n'
 ' Internet.\n'
 ' .\n'
 ' It provides the libssl and libcrypto shared libraries.\n'
 'Homepage: https://www.openssl.org/\n'
 '\n'
 'Package: libxml2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 1867\n'
 'Maintainer: Debian XML/SGML Group <debian-xml-sgml-pkgs@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Version: 2.9.14+dfsg-1.3~deb12u5\n'
 'Depends: libc6 (>= 2.34), libicu72 (>= 72.1~rc-1~), liblzma5 (>= 5.1.1alpha+20120614), '
 'zlib1g (>= 1:1.2.3.3)\n'
 'Conflicts: w3c-dtd-xhtml\n'
 'Description: GNOME XML library\n'
 ' XML is a metalanguage to let you design your own markup language.\n'
 ' A regular markup language defines a way to describe information in\n'
 ' a certain class of documents (eg HTML). XML lets you define your\n'
 ' own customized markup languages for many classes of document. It\n'
 " can do this because it's written in SGML, the international standard\n"
 ' metalanguage for markup languages.\n'
 ' .\n'
 ' This package provides a library providing an extensive API to handle\n'
 ' such XML data files.\n'
 'Homepage: http://xmlsoft.org\n'
 '\n'
 'Package: libbz2-1.0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 106\n'
 'Maintainer: Anibal Monsalve Salazar <anibal@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: bzip2 (1.0.8-5)\n'
 'Version: 1.0.8-5+b1\n'
 'Depends: libc6 (>= 2.4)\n'
 'Description: high-quality block-sorting file compressor library - runtime\n'
 ' This package contains libbzip2 which is used by the bzip2 compressor.\n'
 ' .\n'
 ' bzip2 is a freely available, patent free, data compressor.\n'
 ' .\n'
 ' bzip2 compresses files using the Burrows-Wheeler block-sorting text\n'
 ' compression algorithm, and Huffman coding.  Compression is generally\n'
 ' considerably better than that achieved by more conventional\n'
 ' LZ77/LZ78-based compressors, and approaches the performance of the PPM\n'
 ' family of statistical compressors.\n'
 ' .\n'
 ' The archive file format of bzip2 (.bz2) is incompatible with that of its\n'
 ' predecessor, bzip (.bz).\n'
 'Homepage: https://sourceware.org/bzip2/\n'
 '\n'
 'Package: openssl\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: utils\n'
 'Installed-Size: 2308\n'
 'Maintainer: Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Version: 3.0.19-1~deb12u2\n'
 'Depends: libc6 (>= 2.34), libssl3 (>= 3.0.9)\n'
 'Suggests: ca-certificates\n'
 'Conffiles:\n'
 ' /etc/ssl/openssl.cnf fe1993ec22f6b8a46cb9706acd8fc68f\n'
 'Description: Secure Sockets Layer toolkit - cryptographic utility\n'
 " This package is part of the OpenSSL project's implementation of the SSL\n"
 ' and TLS cryptographic protocols for secure communication over the\n'
 ' Internet.\n'
 ' .\n'
 ' It contains the general-purpose command line binary /usr/bin/openssl,\n'
 ' useful for cryptographic operations such as:\n'
 '  * creating RSA, DH, and DSA key parameters;\n'
 '  * creating X.509 certificates, CSRs, and CRLs;\n'
 '  * calculating message digests;\n'
 '  * encrypting and decrypting with ciphers;\n'
 '  * testing SSL/TLS clients and servers;\n'
 '  * handling S/MIME signed or encrypted mail.\n'
 'Homepage: https://www.openssl.org/\n'
 '\n'
 'Package: libacl1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 73\n'
 'Maintainer: Guillem Jover <guillem@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: acl\n'
 'Version: 2.3.1-3\n'
 'Depends: libc6 (>= 2.33)\n'
 'Description: access control list - shared library\n'
 ' This package contains the shared library containing the POSIX 1003.1e\n'
 ' draft standard 17 functions for manipulating access control lists.\n'
 'Homepage: https://savannah.nongnu.org/projects/acl/\n'
 '\n'
 'Package: libattr1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 59\n'
 'Maintainer: Guillem Jover <guillem@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: attr\n'
 'Version: 1:2.5.1-4\n'
 'Depends: libc6 (>= 2.4)\n'
 'Conffiles:\n'
 ' /etc/xattr.conf 743ca3f83ea263f1f56ad1f63f907bdb\n'
 'Description: extended attribute handling - shared library\n'
 ' Contains the runtime environment required by programs that make use\n'
 ' of extended attributes.\n'
 'Homepage: https://savannah.nongnu.org/projects/attr/\n'
 '\n'
 'Package: libgmp10\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 855\n'
 'Maintainer: Debian Science Team <debian-science-maintainers@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: gmp\n'
 'Version: 2:6.2.1+dfsg1-1.1\n'
 'Depends: libc6 (>= 2.14)\n'
 'Breaks: libmath-gmp-perl (<< 2.20-1), libmath-prime-util-gmp-perl (<< 0.51-2), '
 'postgresql-pgmp (<< 1.0.3-1)\n'
 'Description: Multiprecision arithmetic library\n'
 " GNU MP is a programmer's library for arbitrary precision\n"
 ' arithmetic (ie, a bignum package).  It can operate on signed\n'
 ' integer, rational, and floating point numeric types.\n'
 ' .\n'
 ' It has a rich set of functions, and the functions have a regular\n'
 ' interface.\n'
 'Homepage: https://gmplib.org/\n'
 '\n'
 'Package: dbus-bin\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: admin\n'
 'Installed-Size: 213\n'
 'Maintainer: Utopia Maintenance Team <pkg-utopia-maintainers@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: dbus\n'
 'Version: 1.14.10-1~deb12u1\n'
 'Replaces: dbus (<< 1.13.18-2~)\n'
 'Depends: libc6 (>= 2.34), libdbus-1-3 (= 1.14.10-1~deb12u1)\n'
 'Breaks: dbus (<< 1.13.18-2~)\n'
 'Description: simple interprocess messaging system (command line utilities)\n'
 ' D-Bus is a message bus, used for sending messages between applications.\n'
 ' Conceptually, it fits somewhere in between raw sockets and CORBA in\n'
 ' terms of complexity.\n'
 ' .\n'
 ' This package contains the D-Bus command-line utilities such as dbus-send\n'
 ' and dbus-monitor.\n'
 'Homepage: https://dbus.freedesktop.org/\n'
 '\n'
 'Package: dbus-daemon\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: admin\n'
 'Installed-Size: 375\n'
 'Maintainer: Utopia Maintenance Team <pkg-utopia-maintainers@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: dbus\n'
 'Version: 1.14.10-1~deb12u1\n'
 'Replaces: dbus (<< 1.13.18-2~)\n'
 'Depends: dbus-bin (= 1.14.10-1~deb12u1), dbus-session-bus-common (>= 1.14.10-1~deb12u1), '
 'libapparmor1 (>= 2.8.94), libaudit1 (>= 1:2.2.1), libc6 (>= 2.34), libcap-ng0 (>= 0.7.9), '
 'libdbus-1-3 (= 1.14.10-1~deb12u1), libexpat1 (>= 2.1~beta3), libselinux1 (>= 3.1~), '
 'libsystemd0\n'
 'Breaks: dbus (<< 1.13.18-2~)\n'
 'Description: simple interprocess messaging system (reference message bus)\n'
 ' D-Bus is a message bus, used for sending messages between applications.\n'
 ' Conceptually, it fits somewhere in between raw sockets and CORBA in\n'
 ' terms of complexity.\n'
 ' .\n'
 ' This package contains dbus-daemon, the reference implementation of a\n'
 ' D-Bus message bus, and dbus-run-session, a utility to start a temporary\n'
 ' session dbus-daemon in a constrained environment or for automated tests.\n'
 ' .\n'
 ' To provide a complete D-Bus session bus, install one of the packages\n'
 ' that implement the dbus-session-bus virtual package, such as\n'
 ' dbus-user-session. The recommended implementation is indicated by\n'
 ' the default-dbus-session-bus virtual package.\n'
 'Homepage: https://dbus.freedesktop.org/\n'
 '\n'
 'Package: dbus-system-bus-common\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: admin\n'
 'Installed-Size: 119\n'
 'Maintainer: Utopia Maintenance Team <pkg-utopia-maintainers@lists.alioth.debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Source: dbus\n'
 'Version: 1.14.10-1~deb12u1\n'
 'Replaces: dbus (<< 1.13.18-2~)\n'
 'Depends: adduser\n'
 'Breaks: dbus (<< 1.13.18-2~)\n'
 'Description: simple interprocess messaging system (system bus configuration)\n'
 ' D-Bus is a message bus, used for sending messages between applications.\n'
 ' Conceptually, it fits somewhere in between raw sockets and CORBA in\n'
 ' terms of complexity.\n'
 ' .\n'
 ' This package contains the configuration files defining the behaviour of\n'
 ' the D-Bus system bus, used for system services such as networking and\n'
 ' storage management services. It is also responsible for creating the\n'
 " 'messagebus' system user account used to run the system bus.\n"
 ' These are used by the reference implementation in the dbus package,\n'
 ' and by the reimplementation in the dbus-broker package.\n'
 ' .\n'
 ' To provide a complete D-Bus system bus, install one of the packages\n'
 ' that implement the dbus-system-bus virtual package, such as dbus.\n'
 ' The recommended implementation is indicated by the default-dbus-system-bus\n'
 ' virtual package.\n'
 'Homepage: https://dbus.freedesktop.org/\n'
 '\n'
 'Package: libdbus-1-3\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 468\n'
 'Maintainer: Utopia Maintenance Team <pkg-utopia-maintainers@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: dbus\n'
 'Version: 1.14.10-1~deb12u1\n'
 'Depends: libc6 (>= 2.34), libsystemd0\n'
 'Recommends: dbus\n'
 'Description: simple interprocess messaging system (library)\n'
 ' D-Bus is a message bus, used for sending messages between applications.\n'
 ' Conceptually, it fits somewhere in between raw sockets and CORBA in\n'
 ' terms of complexity.\n'
 ' .\n'
 ' D-Bus supports broadcast messages, asynchronous messages (thus\n'
 ' decreasing latency), authentication, and more. It is designed to be\n'
 ' low-overhead; messages are sent using a binary protocol, not using\n'
 ' XML. D-Bus also supports a method call mapping for its messages, but\n'
 ' it is not required; this makes using the system quite simple.\n'
 ' .\n'
 ' It comes with several bindings, including GLib, Python, Qt and Java.\n'
 ' .\n'
 ' The message bus daemon can be found in the dbus-daemon package.\n'
 'Homepage: https://dbus.freedesktop.org/\n'
 '\n'
 'Package: libexpat1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 387\n'
 'Maintainer: Laszlo Boszormenyi (GCS) <gcs@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: expat\n'
 'Version: 2.5.0-1+deb12u1\n'
 'Depends: libc6 (>= 2.36)\n'
 'Description: XML parsing C library - runtime library\n'
 ' This package contains the runtime, shared library of expat, the C\n'
 ' library for parsing XML. Expat is a stream-oriented parser in\n'
 ' which an application registers handlers for things the parser\n'
 ' might find in the XML document (like start tags).\n'
 'Homepage: https://libexpat.github.io/\n'
 '\n'
 'Package: liblzma5\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 333\n'
 'Maintainer: Sebastian Andrzej Siewior <sebastian@breakpoint.cc>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: xz-utils\n'
 'Version: 5.4.1-1\n'
 'Depends: libc6 (>= 2.34)\n'
 'Breaks: liblzma2 (<< 5.1.1alpha+20110809-3~)\n'
 'Description: XZ-format compression library\n'
 ' XZ is the successor to the Lempel-Ziv/Markov-chain Algorithm\n'
 ' compression format, which provides memory-hungry but powerful\n'
 ' compression (often better than bzip2) and fast, easy decompression.\n'
 ' .\n'
 ' The native format of liblzma is XZ; it also supports raw (headerless)\n'
 " streams and the older LZMA format used by lzma. (For 7-Zip's related\n"
 ' format, use the p7zip package instead.)\n'
 'Homepage: https://tukaani.org/xz/\n'
 '\n'
 'Package: libmd0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 79\n'
 'Maintainer: Guillem Jover <guillem@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libmd\n'
 'Version: 1.0.4-2\n'
 'Depends: libc6 (>= 2.33)\n'
 'Description: message digest functions from BSD systems - shared library\n'
 ' The libmd library provides various message digest ("hash") functions,\n'
 ' as found on various BSDs on a library with the same name and with a\n'
 ' compatible API.\n'
 'Homepage: https://www.hadrons.org/software/libmd/\n'
 '\n'
 'Package: libzstd1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 785\n'
 'Maintainer: RPM packaging team <team+pkg-rpm@tracker.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libzstd\n'
 'Version: 1.5.4+dfsg2-5\n'
 'Depends: libc6 (>= 2.34)\n'
 'Description: fast lossless compression algorithm\n'
 ' Zstd, short for Zstandard, is a fast lossless compression algorithm, targeting\n'
 ' real-time compression scenarios at zlib-level compression ratio.\n'
 ' .\n'
 ' This package contains the shared library.\n'
 'Homepage: https://github.com/facebook/zstd\n'
 '\n'
 'Package: logsave\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: admin\n'
 'Installed-Size: 49\n'
 "Maintainer: Theodore Y. Ts'o <tytso@mit.edu>\n"
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: e2fsprogs\n'
 'Version: 1.47.0-2\n'
 'Replaces: e2fsprogs (<< 1.45.3-1)\n'
 'Depends: libc6 (>= 2.34)\n'
 'Breaks: e2fsprogs (<< 1.45.3-1)\n'
 'Description: save the output of a command in a log file\n'
 ' The logsave program will execute cmd_prog with the specified\n'
 ' argument(s), and save a copy of its output to logfile.  If the\n'
 ' containing directory for logfile does not exist, logsave will\n'
 ' accumulate the output in memory until it can be written out.  A copy\n'
 ' of the output will also be written to standard output.\n'
 'Homepage: http://e2fsprogs.sourceforge.net\n'
 '\n'
 'Package: libblkid1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 398\n'
 'Maintainer: util-linux packagers <util-linux@packages.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: util-linux\n'
 'Version: 2.38.1-5+deb12u3\n'
 'Depends: libc6 (>= 2.33)\n'
 'Description: block device ID library\n'
 ' The blkid library allows system programs such as fsck and mount to\n'
 ' quickly and easily find block devices by filesystem UUID or label.\n'
 ' This allows system administrators to avoid specifying filesystems by\n'
 ' hard-coded device names and use a logical naming system instead.\n'
 'Homepage: https://www.kernel.org/pub/linux/utils/util-linux/\n'
 '\n'
 'Package: libcom-err2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 54\n'
 "Maintainer: Theodore Y. Ts'o <tytso@mit.edu>\n"
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: e2fsprogs\n'
 'Version: 1.47.0-2\n'
 'Replaces: libcomerr2 (<< 1.43.9-1~)\n'
 'Provides: libcomerr2 (= 1.47.0-2)\n'
 'Depends: libc6 (>= 2.17)\n'
 'Breaks: libcomerr2 (<< 1.43.9-1~)\n'
 'Description: common error description library\n'
 ' libcomerr is an attempt to present a common error-handling mechanism to\n'
 ' manipulate the most common form of error code in a fashion that does not\n'
 ' have the problems identified with mechanisms commonly in use.\n'
 'Homepage: http://e2fsprogs.sourceforge.net\n'
 '\n'
 'Package: libext2fs2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 534\n'
 "Maintainer: Theodore Y. Ts'o <tytso@mit.edu>\n"
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: e2fsprogs\n'
 'Version: 1.47.0-2\n'
 'Replaces: e2fslibs (<< 1.43.9-1~)\n'
 'Provides: e2fslibs (= 1.47.0-2)\n'
 'Depends: libc6 (>= 2.34)\n'
 'Breaks: e2fslibs (<< 1.43.9-1~)\n'
 'Description: ext2/ext3/ext4 file system libraries\n'
 ' The ext2, ext3 and ext4 file systems are successors of the original ext\n'
 ' ("extended") file system. They are the main file system types used for\n'
 ' hard disks on Debian and other Linux systems.\n'
 ' .\n'
 ' This package provides the ext2fs and e2p libraries, for userspace software\n'
 ' that directly accesses extended file systems. Programs that use libext2fs\n'
 ' include e2fsck, mke2fs, and tune2fs. Programs that use libe2p include\n'
 ' dumpe2fs, chattr, and lsattr.\n'
 'Homepage: http://e2fsprogs.sourceforge.net\n'
 '\n'
 'Package: libss2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 70\n'
 "Maintainer: Theodore Y. Ts'o <tytso@mit.edu>\n"
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: e2fsprogs\n'
 'Version: 1.47.0-2\n'
 'Replaces: e2fsprogs (<< 1.34-1)\n'
 'Depends: libcom-err2, libc6 (>= 2.34)\n'
 'Description: command-line interface parsing library\n'
 ' libss provides a simple command-line interface parser which will\n'
 ' accept input from the user, parse the command into an argv argument\n'
 ' vector, and then dispatch it to a handler function.\n'
 ' .\n'
 ' It was originally inspired by the Multics SubSystem library.\n'
 'Homepage: http://e2fsprogs.sourceforge.net\n'
 '\n'
 'Package: libuuid1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 79\n'
 'Maintainer: util-linux packagers <util-linux@packages.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: util-linux\n'
 'Version: 2.38.1-5+deb12u3\n'
 'Depends: libc6 (>= 2.25)\n'
 'Recommends: uuid-runtime\n'
 'Description: Universally Unique ID library\n'
 ' The libuuid library generates and parses 128-bit Universally Unique\n'
 ' IDs (UUIDs). A UUID is an identifier that is unique within the space\n'
 ' of all such identifiers across both space and time. It can be used for\n'
 ' multiple purposes, from tagging objects with an extremely short lifetime\n'
 ' to reliably identifying very persistent objects across a network.\n'
 ' .\n'
 ' See RFC 4122 for more information.\n'
 'Homepage: https://www.kernel.org/pub/linux/utils/util-linux/\n'
 '\n'
 'Package: libmagic1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 232\n'
 'Maintainer: Christoph Biedl <debian.axhn@manchmal.in-ulm.de>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: file\n'
 'Version: 1:5.44-3\n'
 'Depends: libbz2-1.0, libc6 (>= 2.33), liblzma5 (>= 5.1.1alpha+20120614), zlib1g (>= '
 '1:1.1.4), libmagic-mgc (= 1:5.44-3)\n'
 'Suggests: file\n'
 'Conffiles:\n'
 ' /etc/magic 272913026300e7ae9b5e2d51f138e674\n'
 ' /etc/magic.mime 272913026300e7ae9b5e2d51f138e674\n'
 'Description: Recognize the type of data in a file using "magic" numbers - library\n'
 ' This library can be used to classify files according to magic number\n'
 ' tests. It implements the core functionality of the file command.\n'
 'Homepage: https://www.darwinsys.com/file/\n'
 '\n'
 'Package: libgcrypt20\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 1592\n'
 'Maintainer: Debian GnuTLS Maintainers <pkg-gnutls-maint@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Version: 1.10.1-3\n'
 'Depends: libc6 (>= 2.34), libgpg-error0 (>= 1.27)\n'
 'Suggests: rng-tools\n'
 'Description: LGPL Crypto library - runtime library\n'
 ' libgcrypt contains cryptographic functions.  Many important free\n'
 ' ciphers, hash algorithms and public key signing algorithms have been\n'
 ' implemented:\n'
 ' .\n'
 ' Arcfour, Blowfish, CAST5, DES, AES, Twofish, Serpent, rfc2268 (rc2), SEED,\n'
 ' Poly1305, Camellia, ChaCha20, IDEA, Salsa, SM4, Blake-2, CRC, MD2, MD4, MD5,\n'
 ' RIPE-MD160, SM3, SHA-1, SHA-256, SHA-512, SHA3-224, SHA3-256, SHA3-384,\n'
 ' SHA3-512, SHAKE128, SHAKE256, Tiger, Whirlpool, DSA, DSA2, ElGamal, RSA, ECC\n'
 ' (Curve25519, sec256k1, GOST R 34.10-2001 and GOST R 34.10-2012, etc.)\n'
 'Homepage: https://directory.fsf.org/project/libgcrypt/\n'
 '\n'
 'Package: libgpg-error0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 192\n'
 'Maintainer: Debian GnuPG Maintainers <pkg-gnupg-maint@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libgpg-error\n'
 'Version: 1.46-1\n'
 'Depends: libc6 (>= 2.34)\n'
 'Recommends: libgpg-error-l10n\n'
 'Description: GnuPG development runtime library\n'
 ' Library that defines common error values, messages, and common\n'
 ' runtime functionality for all GnuPG components.  Among these are GPG,\n'
 ' GPGSM, GPGME, GPG-Agent, libgcrypt, pinentry, SmartCard Daemon and\n'
 ' possibly more in the future.\n'
 ' .\n'
 ' It will likely be renamed "gpgrt" in the future.\n'
 'Homepage: https://www.gnupg.org/related_software/libgpg-error/\n'
 '\n'
 'Package: libpcre2-8-0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 685\n'
 'Maintainer: Matthew Vernon <matthew@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: pcre2\n'
 'Version: 10.42-1\n'
 'Depends: libc6 (>= 2.34)\n'
 'Description: New Perl Compatible Regular Expression Library- 8 bit runtime files\n'
 ' This is PCRE2, the new implementation of PCRE, a library of functions\n'
 ' to support regular expressions whose syntax and semantics are as\n'
 ' close as possible to those of the Perl 5 language. New projects\n'
 ' should use this library in preference to the older library,\n'
 ' confusingly called pcre3 in Debian.\n'
 ' .\n'
 ' This package contains the 8 bit runtime library, which operates on\n'
 ' ASCII and UTF-8 input.\n'
 'Homepage: https://pcre.org/\n'
 '\n'
 'Package: libuchardet0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 208\n'
 'Maintainer: James Cowgill <jcowgill@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: uchardet\n'
 'Version: 0.0.7-1\n'
 'Depends: libc6 (>= 2.4), libgcc-s1 (>= 3.0), libstdc++6 (>= 4.1.1)\n'
 'Description: universal charset detection library - shared library\n'
 ' uchardet is a C language binding of the original C++ implementation\n'
 ' of the universal charset detection library by Mozilla.\n'
 ' .\n'
 ' uchardet is a encoding detector library, which takes a sequence of\n'
 ' bytes in an unknown character encoding without any additional\n'
 ' information, and attempts to determine the encoding of the text.\n'
 ' .\n'
 ' This package contains the shared library.\n'
 'Homepage: https://www.freedesktop.org/wiki/Software/uchardet/\n'
 '\n'
 'Package: usr-is-merged\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: oldlibs\n'
 'Installed-Size: 13\n'
 "Maintainer: Marco d'Itri <md@linux.it>\n"
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Source: usrmerge\n'
 'Version: 37~deb12u1\n'
 'Breaks: cruft-ng (<< 0.4.4~), initramfs-tools (<< 0.121~)\n'
 'Conflicts: acl (<< 2.2.52-3~), arptables (<< 0.0.4+snapshot20181021-1~), coreutils (<< '
 '8.24-1~), cruft (<< 0.9.44~), cryptsetup (<< 2:1.7.0-1~), davfs2 (<< 1.5.2-1.2~), '
 'debianutils (<< 4.5~), dhcpcd (<< 1:5~), ebtables (<< 2.0.10.4+snapshot20181205-1~), '
 'elvis-tiny (<< 1.4-24~), kbd (<< 2.0.4-4~), ksh (<< 93u+20120801-3.1~), less (<< 481-2~), '
 'libbrlapi-dev (<< 5.3.1-1~), libc0.1 (<< 2.35-4), libc0.3 (<< 2.35-4), libc6 (<< 2.35-4), '
 'libc6.1 (<< 2.35-4), libdm0-dev, libjson-c-dev (<< 0.12.1-1.1~), libparted1.8-10 (<< '
 '1.8.8.git.2008.03.24-11.2~), libpng12-0 (<< 1.2.54-6~), libusb-0.1-4 (<< 2:0.1.12-28~), '
 'lustre-utils (<< 1.8.5+dfsg-3.2~), mksh (<< 52b-1~), molly-guard (<< 0.7.1+exp1~), musl-dev '
 '(<< 1.1.9-1.1~), nano (<< 2.3.99pre3-1~), open-iscsi (<< 2.0.873+git0.3b4b4500-13~), '
 'open-vm-tools (<< 2:10.0.5-3227872-2~), policycoreutils (<< 2.4-4~), safe-rm (<< 0.12-6~), '
 'tcsh (<< 6.18.01-4~), vsearch (<< 1.9.5-2~), xfsdump (<< 3.1.6+nmu1~), xfslibs-dev (<< '
 '4.9.0+nmu1~), yp-tools (<< 3.3-5~), zsh (<< 5.2-4~)\n'
 'Description: Transitional package to assert a merged-/usr system\n'
 ' This package can be successfully installed only on merged-/usr systems.\n'
 ' .\n'
 ' It can be safely removed once no other package depends on it anymore.\n'
 'Homepage: https://wiki.debian.org/UsrMerge\n'
 '\n'
 'Package: libbpf1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 385\n'
 'Maintainer: Sudip Mukherjee <sudipm.mukherjee@gmail.com>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libbpf (1.1.2-0+deb12u1)\n'
 'Version: 1:1.1.2-0+deb12u1\n'
 'Depends: libc6 (>= 2.34), libelf1 (>= 0.144), zlib1g (>= 1:1.2.3.3)\n'
 'Description: eBPF helper library (shared library)\n'
 ' libbpf is a library for loading eBPF programs and reading and\n'
 ' manipulating eBPF objects from user-space.\n'
 ' .\n'
 ' This package contains the shared library.\n'
 '\n'
 'Package: libbsd0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 202\n'
 'Maintainer: Guillem Jover <guillem@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libbsd\n'
 'Version: 0.11.7-2\n'
 'Depends: libc6 (>= 2.34), libmd0 (>= 1.0.3-2)\n'
 'Description: utility functions from BSD systems - shared library\n'
 ' This library provides some C functions such as strlcpy() that are commonly\n'
 ' available on BSD systems but not on others like GNU systems.\n'
 ' .\n'
 ' For a detailed list of the provided functions, please see the libbsd-dev\n'
 ' package description.\n'
 'Homepage: https://libbsd.freedesktop.org/\n'
 '\n'
 'Package: libcap2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 95\n'
 'Maintainer: Christian Kastner <ckk@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libcap2 (1:2.66-4+deb12u2)\n'
 'Version: 1:2.66-4+deb12u2+b2\n'
 'Depends: libc6 (>= 2.34)\n'
 'Description: POSIX 1003.1e capabilities (library)\n'
 ' Libcap implements the user-space interfaces to the POSIX 1003.1e capabilities\n'
 ' available in Linux kernels. These capabilities are a partitioning of the all\n'
 ' powerful root privilege into a set of distinct privileges.\n'
 ' .\n'
 ' This package contains the shared library.\n'
 'Homepage: https://sites.google.com/site/fullycapable/\n'
 '\n'
 'Package: libdb5.3\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 1833\n'
 'Maintainer: Bastian Germann <bage@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: db5.3\n'
 'Version: 5.3.28+dfsg2-1\n'
 'Depends: libc6 (>= 2.34)\n'
 'Description: Berkeley v5.3 Database Libraries [runtime]\n'
 ' This is the runtime package for programs that use the v5.3 Berkeley\n'
 ' database library.\n'
 'Homepage: '
 'http://www.oracle.com/technetwork/database/database-technologies/berkeleydb/overview/index.html\n'
 '\n'
 'Package: libelf1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 1036\n'
 'Maintainer: Debian Elfutils Maintainers <debian-gcc@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: elfutils\n'
 'Version: 0.188-2.1\n'
 'Depends: libc6 (>= 2.34), zlib1g (>= 1:1.1.4)\n'
 'Description: library to read and write ELF files\n'
 ' The libelf1 package provides a shared library which allows reading and\n'
 ' writing ELF files on a high level.  Third party programs depend on\n'
 ' this package to read internals of ELF files.  The programs of the\n'
 ' elfutils package use it also to generate new ELF files.\n'
 ' .\n'
 ' This library is part of elfutils.\n'
 'Homepage: https://sourceware.org/elfutils/\n'
 '\n'
 'Package: libmnl0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 46\n'
 'Maintainer: Debian Netfilter Packaging Team <pkg-netfilter-team@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libmnl\n'
 'Version: 1.0.4-3\n'
 'Depends: libc6 (>= 2.14)\n'
 'Description: minimalistic Netlink communication library\n'
 ' libmnl is a minimalistic user-space library oriented to Netlink developers.\n'
 ' There are a lot of common tasks in parsing, validating, constructing of\n'
 ' both the Netlink header and TLVs that are repetitive and easy to get wrong.\n'
 ' This library aims to provide simple helpers that allows you to re-use code\n'
 ' and to avoid re-inventing the wheel.\n'
 ' .\n'
 ' The main features of this library are:\n'
 ' .\n'
 ' Small: the shared library requires around 30KB for an x86-based computer.\n'
 ' .\n'
 ' Simple: this library avoids complexity and elaborated abstractions that\n'
 ' tend to hide Netlink details.\n'
 ' .\n'
 ' Easy to use: the library simplifies the work for Netlink-wise developers.\n'
 ' It provides functions to make socket handling, message building,\n'
 ' validating, parsing and sequence tracking, easier.\n'
 ' .\n'
 ' Easy to re-use: you can use the library to build your own abstraction\n'
 ' layer on top of this library.\n'
 ' .\n'
 ' Decoupling: the interdependency of the main bricks that compose the\n'
 ' library is reduced, i.e. the library provides many helpers, but the\n'
 ' programmer is not forced to use them.\n'
 ' .\n'
 ' This package contains the shared libraries needed to run programs that use\n'
 ' the minimalistic Netlink communication library.\n'
 'Homepage: https://netfilter.org/projects/libmnl/\n'
 '\n'
 'Package: libtirpc3\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 226\n'
 'Maintainer: Josue Ortega <josue@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libtirpc\n'
 'Version: 1.3.3+ds-1\n'
 'Depends: libc6 (>= 2.34), libgssapi-krb5-2 (>= 1.17), libtirpc-common (>= 1.3.3+ds-1)\n'
 'Breaks: nfs-common (<< 1:1.2.8-7), nfs-kernel-server (<< 1:1.2.8-7)\n'
 'Description: transport-independent RPC library\n'
 " This package contains a port of Sun's transport-independent RPC library to\n"
 ' Linux. The library is intended as a replacement for the RPC code in the GNU C\n'
 ' library, providing among others support for RPC (and in turn, NFS) over IPv6.\n'
 'Homepage: http://sourceforge.net/projects/libtirpc\n'
 '\n'
 'Package: libxtables12\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 101\n'
 'Maintainer: Debian Netfilter Packaging Team <pkg-netfilter-team@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: iptables\n'
 'Version: 1.8.9-2\n'
 'Replaces: libxtables11 (>= 1.6.0+snapshot20161117-1)\n'
 'Depends: libc6 (>= 2.34)\n'
 'Breaks: libxtables11 (>= 1.6.0+snapshot20161117-1)\n'
 'Description: netfilter xtables library\n'
 ' The iptables/xtables framework has been replaced by nftables. You should\n'
 ' consider migrating now.\n'
 ' .\n'
 ' However, even if a given system may be fully running on native nftables,\n'
 ' there are other reasons why libxtables might be installed. For one, nftables\n'
 ' itself uses it to be able to display old rulesets that were created using\n'
 ' xtables extensions (to help folks migrate). Other third-party software might\n'
 ' also be linked to this library.\n'
 ' .\n'
 ' This library being installed in the system should be harmless in any case.\n'
 ' .\n'
 ' This package contains the user-space interface to the Netfilter xtables\n'
 ' kernel framework.\n'
 'Homepage: https://www.netfilter.org/\n'
 '\n'
 'Package: libaudit1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 150\n'
 'Maintainer: Laurent Bigonville <bigon@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: audit\n'
 'Version: 1:3.0.9-1\n'
 'Depends: libaudit-common (>= 1:3.0.9-1), libc6 (>= 2.33), libcap-ng0 (>= 0.7.9)\n'
 'Description: Dynamic library for security auditing\n'
 ' The audit-libs package contains the dynamic libraries needed for\n'
 ' applications to use the audit framework. It is used to monitor systems for\n'
 ' security related events.\n'
 'Homepage: https://people.redhat.com/sgrubb/audit/\n'
 '\n'
 'Package: libpam0g\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 215\n'
 'Maintainer: Sam Hartman <hartmans@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: pam\n'
 'Version: 1.5.2-6+deb12u1\n'
 'Replaces: libpam0g-util\n'
 'Depends: libaudit1 (>= 1:2.2.1), libc6 (>= 2.34), debconf (>= 0.5) | debconf-2.0\n'
 'Suggests: libpam-doc\n'
 'Description: Pluggable Authentication Modules library\n'
 ' Contains the shared library for Linux-PAM, a library that enables the\n'
 ' local system administrator to choose how applications authenticate users.\n'
 ' In other words, without rewriting or recompiling a PAM-aware application,\n'
 ' it is possible to switch between the authentication mechanism(s) it uses.\n'
 ' One may entirely upgrade the local authentication system without touching\n'
 ' the applications themselves.\n'
 'Homepage: http://www.linux-pam.org/\n'
 '\n'
 'Package: bsdextrautils\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: utils\n'
 'Installed-Size: 337\n'
 'Maintainer: util-linux packagers <util-linux@packages.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: util-linux\n'
 'Version: 2.38.1-5+deb12u3\n'
 'Replaces: bsdmainutils (<< 12.1.3), nwrite\n'
 'Depends: libc6 (>= 2.34), libsmartcols1 (>= 2.38), libtinfo6 (>= 6)\n'
 'Breaks: bsdmainutils (<< 12.1.3), nwrite\n'
 'Conflicts: nwrite\n'
 'Description: extra utilities from 4.4BSD-Lite\n'
 ' This package contains some extra BSD utilities: col, colcrt, colrm, column,\n'
 ' hd, hexdump, look, ul and write.\n'
 ' Other BSD utilities are provided by bsdutils and calendar.\n'
 'Homepage: https://www.kernel.org/pub/linux/utils/util-linux/\n'
 '\n'
 'Package: libgdbm6\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 129\n'
 'Maintainer: Nicolas Mora <babelouest@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: gdbm\n'
 'Version: 1.23-3\n'
 'Depends: libc6 (>= 2.34)\n'
 'Suggests: gdbm-l10n (= 1.23-3)\n'
 'Description: GNU dbm database routines (runtime version)\n'
 " GNU dbm ('gdbm') is a library of database functions that use extendible\n"
 " hashing and works similarly to the standard UNIX 'dbm' functions.\n"
 ' .\n'
 " The basic use of 'gdbm' is to store key/data pairs in a data file, thus\n"
 " providing a persistent version of the 'dictionary' Abstract Data Type\n"
 " ('hash' to perl programmers).\n"
 'Homepage: https://gnu.org/software/gdbm\n'
 '\n'
 'Package: libpipeline1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 96\n'
 'Maintainer: Colin Watson <cjwatson@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libpipeline\n'
 'Version: 1.5.7-1\n'
 'Depends: libc6 (>= 2.34)\n'
 'Description: Unix process pipeline manipulation library\n'
 ' This is a C library for setting up and running pipelines of processes,\n'
 ' without needing to involve shell command-line parsing which is often\n'
 ' error-prone and insecure.\n'
 'Homepage: https://libpipeline.gitlab.io/libpipeline/\n'
 '\n'
 'Package: libmount1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 454\n'
 'Maintainer: util-linux packagers <util-linux@packages.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: util-linux\n'
 'Version: 2.38.1-5+deb12u3\n'
 'Depends: libblkid1 (>= 2.17.2), libc6 (>= 2.34), libselinux1 (>= 3.1~)\n'
 'Suggests: cryptsetup-bin\n'
 'Description: device mounting library\n'
 ' This device mounting library is used by mount and umount helpers.\n'
 'Homepage: https://www.kernel.org/pub/linux/utils/util-linux/\n'
 '\n'
 'Package: libsmartcols1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 289\n'
 'Maintainer: util-linux packagers <util-linux@packages.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: util-linux\n'
 'Version: 2.38.1-5+deb12u3\n'
 'Depends: libc6 (>= 2.33)\n'
 'Description: smart column output alignment library\n'
 ' This smart column output alignment library is used by fdisk utilities.\n'
 'Homepage: https://www.kernel.org/pub/linux/utils/util-linux/\n'
 '\n'
 'Package: libnftables1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 920\n'
 'Maintainer: Debian Netfilter Packaging Team <pkg-netfilter-team@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: nftables\n'
 'Version: 1.0.6-2+deb12u2\n'
 'Depends: libc6 (>= 2.34), libgmp10 (>= 2:6.2.1+dfsg1), libjansson4 (>= 2.14), libmnl0 (>= '
 '1.0.3-4~), libnftnl11 (>= 1.2.2), libxtables12 (>= 1.6.0+snapshot20161117)\n'
 'Description: Netfilter nftables high level userspace API library\n'
 ' This library provides high level semantics to interact with the nftables\n'
 ' framework by Netfilter project.\n'
 ' .\n'
 ' nftables replaces the old popular iptables, ip6tables, arptables and ebtables.\n'
 ' .\n'
 ' Netfilter software and nftables in particular are used in applications such\n'
 ' as Internet connection sharing, firewalls, IP accounting, transparent\n'
 ' proxying, advanced routing and traffic control.\n'
 ' .\n'
 ' A Linux kernel >= 3.13 is required. However, >= 4.14 is recommended.\n'
 ' .\n'
 ' This package contains the libnftables library.\n'
 'Homepage: https://www.netfilter.org/\n'
 '\n'
 'Package: libfido2-1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 241\n'
 'Maintainer: Debian Authentication Maintainers '
 '<pkg-auth-maintainers@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libfido2 (1.12.0-2)\n'
 'Version: 1.12.0-2+b1\n'
 'Depends: libc6 (>= 2.36), libcbor0.8 (>= 0.8.0), libssl3 (>= 3.0.0), libudev1 (>= 183), '
 'zlib1g (>= 1:1.1.4)\n'
 'Description: library for generating and verifying FIDO 2.0 objects\n'
 ' A library for communicating with a FIDO device over USB or NFC, and for\n'
 ' verifying attestation and assertion signatures. FIDO U2F (CTAP 1) and FIDO\n'
 ' 2.0 (CTAP 2) are supported.\n'
 ' .\n'
 ' This package contains the library.\n'
 'Homepage: https://developers.yubico.com/libfido2/\n'
 '\n'
 'Package: libsemanage2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 297\n'
 'Maintainer: Debian SELinux maintainers <selinux-devel@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libsemanage (3.4-1)\n'
 'Version: 3.4-1+b5\n'
 'Depends: libsemanage-common (>= 3.4-1), libaudit1 (>= 1:2.2.1), libbz2-1.0, libc6 (>= 2.34), '
 'libselinux1 (>= 3.4), libsepol2 (>= 3.4)\n'
 'Breaks: policycoreutils (<< 3.0)\n'
 'Description: SELinux policy management library\n'
 ' This package provides the shared libraries for SELinux policy management.\n'
 ' It uses libsepol for binary policy manipulation and libselinux for\n'
 " interacting with the SELinux system.  It also exec's helper programs\n"
 ' for loading policy and for checking whether the file_contexts\n'
 ' configuration is valid (load_policy and setfiles from\n'
 ' policycoreutils) presently, although this may change at least for the\n'
 ' bootstrapping case\n'
 ' .\n'
 ' Security-enhanced Linux is a patch of the Linux kernel and a\n'
 ' number of utilities with enhanced security functionality designed to\n'
 ' add mandatory access controls to Linux.  The Security-enhanced Linux\n'
 ' kernel contains new architectural components originally developed to\n'
 ' improve the security of the Flask operating system. These\n'
 ' architectural components provide general support for the enforcement\n'
 ' of many kinds of mandatory access control policies, including those\n'
 ' based on the concepts of Type Enforcement, Role-based Access\n'
 ' Control, and Multi-level Security.\n'
 'Homepage: https://selinuxproject.org\n'
 '\n'
 'Package: perl-modules-5.36\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 17821\n'
 'Maintainer: Niko Tyni <ntyni@debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Source: perl\n'
 'Version: 5.36.0-7+deb12u4\n'
 'Replaces: libansicolor-perl (<< 5.01), libarchive-tar-perl (<< 2.40), '
 'libattribute-handlers-perl (<< 1.02), libautodie-perl (<< 2.34), libcpan-meta-perl (<< '
 '2.150010), libcpan-meta-requirements-perl (<< 2.140), libcpan-meta-yaml-perl (<< 0.018), '
 'libdigest-perl (<< 1.20), libexperimental-perl (<< 0.028), libextutils-cbuilder-perl (<< '
 '0.280236), libextutils-command-perl (<< 7.64), libextutils-install-perl (<< 2.20), '
 'libextutils-parsexs-perl (<< 3.450000), libfile-spec-perl (<< 3.8400), libhttp-tiny-perl (<< '
 '0.080), libi18n-langtags-perl (<< 0.45), libio-zlib-perl (<< 1.11), libjson-pp-perl (<< '
 '4.07000), liblocale-maketext-perl (<< 1.31), liblocale-maketext-simple-perl (<< 0.21.01), '
 'libmath-bigint-perl (<< 1.999830), libmath-complex-perl (<< 1.5902), libmodule-corelist-perl '
 '(<< 5.20220520), libmodule-load-conditional-perl (<< 0.74), libmodule-load-perl (<< 0.36), '
 'libmodule-metadata-perl (<< 1.000037), libnet-perl (<< 1:3.14), libnet-ping-perl (<< 2.74), '
 'libparams-check-perl (<< 0.38), libparent-perl (<< 0.238), libparse-cpan-meta-perl (<< '
 '2.150010), libperl-ostype-perl (<< 1.010), libpod-escapes-perl (<< 1.07), libpod-simple-perl '
 '(<< 3.43), libtest-harness-perl (<< 3.44), libtest-simple-perl (<< 1.302190), '
 'libtest-tester-perl (<< 1.302190), libtest-use-ok-perl (<< 1.302190), libtext-balanced-perl '
 '(<< 2.04), libthread-queue-perl (<< 3.14), libtime-local-perl (<< 1.3000), '
 'libunicode-collate-perl (<< 1.31), libversion-perl (<< 1:0.9929), perl-base (<< 5.22.0~), '
 'perl-modules, podlators-perl (<< 4.14)\n'
 'Provides: perl-modules\n'
 'Depends: perl-base (>= 5.36.0-1)\n'
 'Pre-Depends: dpkg (>= 1.17.17)\n'
 'Recommends: perl (>= 5.36.0-1)\n'
 'Breaks: libansicolor-perl (<< 5.01), libarchive-tar-perl (<< 2.40), '
 'libattribute-handlers-perl (<< 1.02), libautodie-perl (<< 2.34), libcpan-meta-perl (<< '
 '2.150010), libcpan-meta-requirements-perl (<< 2.140), libcpan-meta-yaml-perl (<< 0.018), '
 'libdigest-perl (<< 1.20), libexperimental-perl (<< 0.028), libextutils-cbuilder-perl (<< '
 '0.280236), libextutils-command-perl (<< 7.64), libextutils-install-perl (<< 2.20), '
 'libextutils-parsexs-perl (<< 3.450000), libfile-spec-perl (<< 3.8400), libhttp-tiny-perl (<< '
 '0.080), libi18n-langtags-perl (<< 0.45), libio-zlib-perl (<< 1.11), libjson-pp-perl (<< '
 '4.07000), liblocale-maketext-perl (<< 1.31), liblocale-maketext-simple-perl (<< 0.21.01), '
 'libmath-bigint-perl (<< 1.999830), libmath-complex-perl (<< 1.5902), libmodule-corelist-perl '
 '(<< 5.20220520), libmodule-load-conditional-perl (<< 0.74), libmodule-load-perl (<< 0.36), '
 'libmodule-metadata-perl (<< 1.000037), libnet-perl (<< 1:3.14), libnet-ping-perl (<< 2.74), '
 'libparams-check-perl (<< 0.38), libparent-perl (<< 0.238), libparse-cpan-meta-perl (<< '
 '2.150010), libperl-ostype-perl (<< 1.010), libpod-escapes-perl (<< 1.07), libpod-simple-perl '
 '(<< 3.43), libtest-harness-perl (<< 3.44), libtest-simple-perl (<< 1.302190), '
 'libtest-tester-perl (<< 1.302190), libtest-use-ok-perl (<< 1.302190), libtext-balanced-perl '
 '(<< 2.04), libthread-queue-perl (<< 3.14), libtime-local-perl (<< 1.3000), '
 'libunicode-collate-perl (<< 1.31), libversion-perl (<< 1:0.9929), maildirsync (<< 1.2-2.1), '
 'perl (<< 5.36.0~), podlators-perl (<< 4.14)\n'
 'Conflicts: perl-modules (<< 5.22.0~)\n'
 'Description: Core Perl modules\n'
 ' Architecture independent Perl modules.  These modules are part of Perl and\n'
 " required if the `perl' package is installed.\n"
 ' .\n'
 ' Note that this package only exists to save archive space and should be\n'
 " considered an internal implementation detail of the `perl' package.\n"
 " Other packages should not depend on `perl-modules-5.36' directly, they\n"
 " should use `perl' (which depends on `perl-modules-5.36') instead.\n"
 'Homepage: http://dev.perl.org/perl5/\n'
 '\n'
 'Package: libperl5.36\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 28875\n'
 'Maintainer: Niko Tyni <ntyni@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: perl\n'
 'Version: 5.36.0-7+deb12u4\n'
 'Replaces: libarchive-tar-perl (<= 1.38-2), libcompress-raw-bzip2-perl (<< 2.103), '
 'libcompress-raw-zlib-perl (<< 2.105), libcompress-zlib-perl (<< 2.106), libdigest-md5-perl '
 '(<< 2.58), libdigest-sha-perl (<< 6.02), libencode-perl (<< 3.17), libio-compress-base-perl '
 '(<< 2.106), libio-compress-bzip2-perl (<< 2.106), libio-compress-perl (<< 2.106), '
 'libio-compress-zlib-perl (<< 2.106), libmime-base64-perl (<< 3.16), libmodule-corelist-perl '
 '(<< 2.14-2), libstorable-perl (<< 3.26), libsys-syslog-perl (<< 0.36), libthreads-perl (<< '
 '2.27), libthreads-shared-perl (<< 1.64), libtime-hires-perl (<< 1.9770), libtime-piece-perl '
 '(<< 1.3401), perl (<< 5.22.0~), perl-base (<< 5.22.0~)\n'
 'Depends: libbz2-1.0, libc6 (>= 2.35), libcrypt1 (>= 1:4.1.0), libdb5.3, libgdbm-compat4 (>= '
 '1.18-3), libgdbm6 (>= 1.21), zlib1g (>= 1:1.2.2.3), perl-modules-5.36 (>= 5.36.0-7+deb12u4)\n'
 'Suggests: sensible-utils\n'
 'Breaks: libcompress-raw-bzip2-perl (<< 2.103), libcompress-raw-zlib-perl (<< 2.105), '
 'libcompress-zlib-perl (<< 2.106), libdigest-md5-perl (<< 2.58), libdigest-sha-perl (<< '
 '6.02), libencode-perl (<< 3.17), libfilter-perl (<< 1.60), libio-compress-base-perl (<< '
 '2.106), libio-compress-bzip2-perl (<< 2.106), libio-compress-perl (<< 2.106), '
 'libio-compress-zlib-perl (<< 2.106), libmime-base64-perl (<< 3.16), libstorable-perl (<< '
 '3.26), libsys-syslog-perl (<< 0.36), libthreads-perl (<< 2.27), libthreads-shared-perl (<< '
 '1.64), libtime-hires-perl (<< 1.9770), libtime-piece-perl (<< 1.3401)\n'
 'Description: shared Perl library\n'
 ' This package contains the shared Perl library, used by applications\n'
 ' which embed a Perl interpreter.\n'
 ' .\n'
 ' It also contains the architecture-dependent parts of the standard\n'
 ' library (and depends on perl-modules-5.36 which contains the\n'
 ' architecture-independent parts).\n'
 'Homepage: http://dev.perl.org/perl5/\n'
 '\n'
 'Package: libncursesw6\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 412\n'
 'Maintainer: Craig Small <csmall@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: ncurses\n'
 'Version: 6.4-4\n'
 'Depends: libtinfo6 (= 6.4-4), libc6 (>= 2.34)\n'
 'Recommends: libgpm2\n'
 'Description: shared libraries for terminal handling (wide character support)\n'
 ' The ncurses library routines are a terminal-independent method of\n'
 ' updating character screens with reasonable optimization.\n'
 ' .\n'
 ' This package contains the shared libraries necessary to run programs\n'
 ' compiled with ncursesw, which includes support for wide characters.\n'
 'Homepage: https://invisible-island.net/ncurses/\n'
 '\n'
 'Package: libproc2-0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 232\n'
 'Maintainer: Craig Small <csmall@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: procps\n'
 'Version: 2:4.0.2-3\n'
 'Replaces: procps (<< 1:3.3.2-1)\n'
 'Depends: libc6 (>= 2.34), libsystemd0 (>= 209)\n'
 'Description: library for accessing process information from /proc\n'
 ' The libproc2 library is a way of accessing information out of the /proc\n'
 ' filesystem.\n'
 ' .\n'
 ' This package contains the shared libraries necessary to run programs\n'
 ' compiled with libproc2.\n'
 'Homepage: https://gitlab.com/procps-ng/procps\n'
 '\n'
 'Package: libcryptsetup12\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 563\n'
 'Maintainer: Debian Cryptsetup Team <pkg-cryptsetup-devel@alioth-lists.debian.net>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: cryptsetup\n'
 'Version: 2:2.6.1-4~deb12u2\n'
 'Depends: libargon2-1 (>= 0~20171227), libblkid1 (>= 2.24.2), libc6 (>= 2.34), '
 'libdevmapper1.02.1 (>= 2:1.02.97), libjson-c5 (>= 0.15), libssl3 (>= 3.0.0), libuuid1 (>= '
 '2.16)\n'
 'Description: disk encryption support - shared library\n'
 ' Cryptsetup provides an interface for configuring encryption on block\n'
 ' devices (such as /home or swap partitions), using the Linux kernel\n'
 ' device mapper target dm-crypt. It features integrated Linux Unified Key\n'
 ' Setup (LUKS) support.\n'
 ' .\n'
 ' This package provides the libcryptsetup shared library.\n'
 'Homepage: https://gitlab.com/cryptsetup/cryptsetup\n'
 '\n'
 'Package: libfdisk1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 533\n'
 'Maintainer: util-linux packagers <util-linux@packages.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: util-linux\n'
 'Version: 2.38.1-5+deb12u3\n'
 'Depends: libblkid1 (>= 2.24.2), libc6 (>= 2.33), libuuid1 (>= 2.16)\n'
 'Description: fdisk partitioning library\n'
 ' The libfdisk library is used for manipulating partition tables. It is\n'
 ' the core of the fdisk, cfdisk, and sfdisk tools.\n'
 'Homepage: https://www.kernel.org/pub/linux/utils/util-linux/\n'
 '\n'
 'Package: libkmod2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 141\n'
 "Maintainer: Marco d'Itri <md@linux.it>\n"
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: kmod\n'
 'Version: 30+20221128-1\n'
 'Depends: libc6 (>= 2.33), liblzma5 (>= 5.1.1alpha+20120614), libssl3 (>= 3.0.0), libzstd1 '
 '(>= 1.5.2)\n'
 'Description: libkmod shared library\n'
 ' This library provides an API for insertion, removal, configuration and\n'
 ' listing of kernel modules.\n'
 '\n'
 'Package: libp11-kit0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 1408\n'
 'Maintainer: Debian GnuTLS Maintainers <pkg-gnutls-maint@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: p11-kit\n'
 'Version: 0.24.1-2\n'
 'Depends: libc6 (>= 2.34), libffi8 (>= 3.4)\n'
 'Description: library for loading and coordinating access to PKCS#11 modules - runtime\n'
 ' The p11-kit library provides a way to load and enumerate Public-Key\n'
 ' Cryptography Standard #11 modules, along with a standard configuration\n'
 " setup for installing PKCS#11 modules so that they're discoverable. It\n"
 ' also solves problems with coordinating the use of PKCS#11 by different\n'
 ' components or libraries living in the same process.\n'
 ' .\n'
 ' This package contains the shared library required for applications loading\n'
 ' and accessing PKCS#11 modules.\n'
 'Homepage: https://p11-glue.github.io/p11-glue/p11-kit.html\n'
 '\n'
 'Package: libsystemd-shared\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 5350\n'
 'Maintainer: Debian systemd Maintainers <pkg-systemd-maintainers@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: systemd\n'
 'Version: 252.39-1~deb12u2\n'
 'Depends: libacl1 (>= 2.2.23), libapparmor1 (>= 2.13), libaudit1 (>= 1:2.2.1), libblkid1 (>= '
 '2.24), libc6 (>= 2.36), libcap2 (>= 1:2.10), libcrypt1 (>= 1:4.4.0), libgcrypt20 (>= '
 '1.10.0), libip4tc2 (>= 1.8.3), libkmod2 (>= 15), liblz4-1 (>= 0.0~r130), liblzma5 (>= '
 '5.1.1alpha+20120614), libmount1 (>= 2.30), libpam0g (>= 0.99.7.1), libseccomp2 (>= 2.4.1), '
 'libselinux1 (>= 3.1~), libssl3 (>= 3.0.0), libzstd1 (>= 1.5.2)\n'
 'Description: systemd shared private library\n'
 ' This internal shared library provides common code used by various systemd\n'
 ' components. It is supposed to decrease memory and disk footprint.\n'
 ' The shared library is not meant for public use and is not API or ABI stable.\n'
 'Homepage: https://www.freedesktop.org/wiki/Software/systemd\n'
 '\n'
 'Package: liblz4-1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 169\n'
 'Maintainer: Nobuhiro Iwamatsu <iwamatsu@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: lz4\n'
 'Version: 1.9.4-1\n'
 'Replaces: liblz4-1a\n'
 'Depends: libc6 (>= 2.14)\n'
 'Breaks: liblz4-1a\n'
 'Description: Fast LZ compression algorithm library - runtime\n'
 ' LZ4 is a very fast lossless compression algorithm, providing compression speed\n'
 ' at 400 MB/s per core, scalable with multi-cores CPU. It also features an\n'
 ' extremely fast decoder, with speed in multiple GB/s per core, typically\n'
 ' reaching RAM speed limits on multi-core systems.\n'
 ' .\n'
 ' This package includes the shared library.\n'
 'Homepage: https://github.com/lz4/lz4\n'
 '\n'
 'Package: libcap-ng0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 65\n'
 'Maintainer: Håvard F. Aasen <havard.f.aasen@pfft.no>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libcap-ng (0.8.3-1)\n'
 'Version: 0.8.3-1+b3\n'
 'Depends: libc6 (>= 2.33)\n'
 'Description: alternate POSIX capabilities library\n'
 ' This library implements the user-space interfaces to the POSIX\n'
 ' 1003.1e capabilities available in Linux kernels.  These capabilities are\n'
 ' a partitioning of the all powerful root privilege into a set of distinct\n'
 ' privileges.\n'
 ' .\n'
 ' The libcap-ng library is intended to make programming with POSIX\n'
 ' capabilities much easier than the traditional libcap library.\n'
 ' .\n'
 ' This package contains dynamic libraries for libcap-ng.\n'
 'Homepage: https://people.redhat.com/sgrubb/libcap-ng\n'
 '\n'
 'Package: libudev1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 240\n'
 'Maintainer: Debian systemd Maintainers <pkg-systemd-maintainers@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: systemd\n'
 'Version: 252.39-1~deb12u2\n'
 'Depends: libc6 (>= 2.34)\n'
 'Description: libudev shared library\n'
 ' This library provides APIs to introspect and enumerate devices on the local\n'
 ' system.\n'
 'Homepage: https://www.freedesktop.org/wiki/Software/systemd\n'
 '\n'
 'Package: libnettle8\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 520\n'
 'Maintainer: Magnus Holmgren <holmgren@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: nettle\n'
 'Version: 3.8.1-2\n'
 'Depends: libc6 (>= 2.17)\n'
 'Description: low level cryptographic library (symmetric and one-way cryptos)\n'
 ' Nettle is a cryptographic library that is designed to fit easily in more or\n'
 ' less any context: In crypto toolkits for object-oriented languages (C++,\n'
 ' Python, Pike, ...), in applications like LSH or GNUPG, or even in kernel\n'
 ' space.\n'
 ' .\n'
 ' It tries to solve a problem of providing a common set of cryptographic\n'
 ' algorithms for higher-level applications by implementing a\n'
 ' context-independent set of cryptographic algorithms. In that light, Nettle\n'
 " doesn't do any memory allocation or I/O, it simply provides the\n"
 ' cryptographic algorithms for the application to use in any environment and\n'
 ' in any way it needs.\n'
 ' .\n'
 ' This package contains the symmetric and one-way cryptographic\n'
 ' algorithms. To avoid having this package depend on libgmp, the\n'
 ' asymmetric cryptos reside in a separate library, libhogweed.\n'
 'Homepage: http://www.lysator.liu.se/~nisse/nettle/\n'
 '\n'
 'Package: libpsl5\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 96\n'
 'Maintainer: Tim Rühsen <tim.ruehsen@gmx.de>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libpsl\n'
 'Version: 0.21.2-1\n'
 'Depends: libidn2-0 (>= 0.16), libc6 (>= 2.33), libunistring2 (>= 0.9.7)\n'
 'Recommends: publicsuffix (>= 20150507)\n'
 'Description: Library for Public Suffix List (shared libraries)\n'
 ' Libpsl allows checking domains against the Public Suffix List.\n'
 " It can be used to avoid privacy-leaking 'super-cookies',\n"
 " 'super domain' certificates, for domain highlighting purposes\n"
 ' sorting domain lists by site and more.\n'
 ' .\n'
 ' Please see https://publicsuffix.org for more detailed information.\n'
 ' .\n'
 ' This package contains runtime libraries.\n'
 'Homepage: https://github.com/rockdaboot/libpsl\n'
 '\n'
 'Package: libapr1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 288\n'
 'Maintainer: Debian Apache Maintainers <debian-apache@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: apr\n'
 'Version: 1.7.2-3+deb12u1\n'
 'Depends: libc6 (>= 2.34), libuuid1 (>= 2.16)\n'
 'Conflicts: libapr1.0\n'
 'Description: Apache Portable Runtime Library\n'
 " APR is Apache's Portable Runtime Library, designed to be a support library\n"
 ' that provides a predictable and consistent interface to underlying\n'
 ' platform-specific implementations.\n'
 'Homepage: https://apr.apache.org/\n'
 '\n'
 'Package: libaprutil1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 284\n'
 'Maintainer: Debian Apache Maintainers <debian-apache@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: apr-util\n'
 'Version: 1.6.3-1+deb12u1\n'
 'Depends: libapr1 (>= 1.6.2), libc6 (>= 2.25), libcrypt1 (>= 1:4.1.0), libdb5.3, libexpat1 '
 '(>= 2.0.1), libgdbm6 (>= 1.16), libssl3 (>= 3.0.0)\n'
 'Description: Apache Portable Runtime Utility Library\n'
 " APR is Apache's Portable Runtime Library, designed to be a support library\n"
 ' that provides a predictable and consistent interface to underlying\n'
 ' platform-specific implementations.\n'
 ' .\n'
 ' APR Util is a utilities library implemented on top of apr, providing database\n'
 ' access, xml parsing, and other useful functionality.\n'
 'Homepage: https://apr.apache.org/\n'
 '\n'
 'Package: libaprutil1-dbd-sqlite3\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 48\n'
 'Maintainer: Debian Apache Maintainers <debian-apache@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: apr-util\n'
 'Version: 1.6.3-1+deb12u1\n'
 'Depends: libaprutil1 (= 1.6.3-1+deb12u1), libc6 (>= 2.4), libsqlite3-0 (>= 3.5.9)\n'
 'Description: Apache Portable Runtime Utility Library - SQLite3 Driver\n'
 " APR is Apache's Portable Runtime Library, designed to be a support library\n"
 ' that provides a predictable and consistent interface to underlying\n'
 ' platform-specific implementations.\n'
 ' .\n'
 ' APR Util is a utilities library implemented on top of apr, providing database\n'
 ' access, xml parsing, and other useful functionality.\n'
 ' .\n'
 ' This package contains the SQLite3 database driver.\n'
 'Homepage: https://apr.apache.org/\n'
 '\n'
 'Package: libaprutil1-ldap\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 40\n'
 'Maintainer: Debian Apache Maintainers <debian-apache@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: apr-util\n'
 'Version: 1.6.3-1+deb12u1\n'
 'Depends: libaprutil1 (= 1.6.3-1+deb12u1), libc6 (>= 2.4), libldap-2.5-0 (>= 2.5.4)\n'
 'Description: Apache Portable Runtime Utility Library - LDAP Driver\n'
 " APR is Apache's Portable Runtime Library, designed to be a support library\n"
 ' that provides a predictable and consistent interface to underlying\n'
 ' platform-specific implementations.\n'
 ' .\n'
 ' APR Util is a utilities library implemented on top of apr, providing database\n'
 ' access, xml parsing, and other useful functionality.\n'
 ' .\n'
 ' This package contains the LDAP driver.\n'
 'Homepage: https://apr.apache.org/\n'
 '\n'
 'Package: libbrotli1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 783\n'
 'Maintainer: Tomasz Buchert <tomasz@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: brotli (1.0.9-2)\n'
 'Version: 1.0.9-2+b6\n'
 'Depends: libc6 (>= 2.29)\n'
 'Description: library implementing brotli encoder and decoder (shared libraries)\n'
 ' Brotli is a generic-purpose lossless compression algorithm\n'
 ' that compresses data using a combination of a modern variant\n'
 ' of the LZ77 algorithm, Huffman coding and 2nd order context modeling,\n'
 ' with a compression ratio comparable to the best currently available\n'
 ' general-purpose compression methods. It is similar in speed with\n'
 ' deflate but offers more dense compression.\n'
 ' .\n'
 ' This package installs shared libraries.\n'
 'Homepage: https://github.com/google/brotli\n'
 '\n'
 'Package: libcurl4\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 840\n'
 'Maintainer: Alessandro Ghedini <ghedo@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: curl\n'
 'Version: 7.88.1-10+deb12u14\n'
 'Replaces: libcurl3\n'
 'Depends: libbrotli1 (>= 0.6.0), libc6 (>= 2.34), libgssapi-krb5-2 (>= 1.17), libidn2-0 (>= '
 '0.6), libldap-2.5-0 (>= 2.5.4), libnghttp2-14 (>= 1.50.0), libpsl5 (>= 0.16.0), librtmp1 (>= '
 '2.3), libssh2-1 (>= 1.7.0), libssl3 (>= 3.0.0), libzstd1 (>= 1.5.2), zlib1g (>= 1:1.1.4)\n'
 'Recommends: ca-certificates\n'
 'Conflicts: libcurl3\n'
 'Description: easy-to-use client-side URL transfer library (OpenSSL flavour)\n'
 ' libcurl is an easy-to-use client-side URL transfer library, supporting DICT,\n'
 ' FILE, FTP, FTPS, GOPHER, HTTP, HTTPS, IMAP, IMAPS, LDAP, LDAPS, POP3, POP3S,\n'
 ' RTMP, RTSP, SCP, SFTP, SMTP, SMTPS, TELNET and TFTP.\n'
 ' .\n'
 ' libcurl supports SSL certificates, HTTP POST, HTTP PUT, FTP uploading, HTTP\n'
 ' form based upload, proxies, cookies, user+password authentication (Basic,\n'
 ' Digest, NTLM, Negotiate, Kerberos), file transfer resume, http proxy tunneling\n'
 ' and more!\n'
 ' .\n'
 ' libcurl is free, thread-safe, IPv6 compatible, feature rich, well supported,\n'
 ' fast, thoroughly documented and is already used by many known, big and\n'
 ' successful companies and numerous applications.\n'
 ' .\n'
 ' SSL support is provided by OpenSSL.\n'
 'Homepage: https://curl.se/\n'
 '\n'
 'Package: libjansson4\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 101\n'
 'Maintainer: Alessandro Ghedini <ghedo@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: jansson\n'
 'Version: 2.14-2\n'
 'Depends: libc6 (>= 2.14)\n'
 'Description: C library for encoding, decoding and manipulating JSON data\n'
 ' Jansson is a C library for encoding, decoding and manipulating JSON data.\n'
 ' .\n'
 ' It features:\n'
 '  * Simple and intuitive API and data model\n'
 '  * Comprehensive documentation\n'
 '  * No dependencies on other libraries\n'
 '  * Full Unicode support (UTF-8)\n'
 '  * Extensive test suite\n'
 'Homepage: http://www.digip.org/jansson/\n'
 '\n'
 'Package: libldap-2.5-0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 553\n'
 'Maintainer: Debian OpenLDAP Maintainers <pkg-openldap-devel@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: openldap\n'
 'Version: 2.5.13+dfsg-5\n'
 'Replaces: libldap-2.3-0, libldap2\n'
 'Depends: libc6 (>= 2.34), libgnutls30 (>= 3.7.5), libsasl2-2 (>= 2.1.28+dfsg)\n'
 'Recommends: libldap-common\n'
 'Conflicts: ldap-utils (<= 2.1.23-1)\n'
 'Description: OpenLDAP libraries\n'
 ' These are the run-time libraries for the OpenLDAP (Lightweight Directory\n'
 ' Access Protocol) servers and clients.\n'
 'Homepage: https://www.openldap.org/\n'
 '\n'
 'Package: liblua5.3-0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 495\n'
 'Maintainer: Debian Lua Team <pkg-lua-devel@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: lua5.3\n'
 'Version: 5.3.6-2\n'
 'Depends: libc6 (>= 2.34), libstdc++6 (>= 4.1.1)\n'
 'Description: Shared library for the Lua interpreter version 5.3\n'
 ' Lua is a powerful, light-weight programming language designed for extending\n'
 ' applications.  The language engine is accessible as a library, having a C\n'
 ' API which allows the application to exchange data with Lua programs and also\n'
 ' to extend Lua with C functions.  Lua is also used as a general-purpose,\n'
 ' stand-alone language through the simple command line interpreter provided.\n'
 ' .\n'
 " This package contains runtime libraries.  You shouldn't need to install it\n"
 ' explicitly.\n'
 'Homepage: https://www.lua.org\n'
 '\n'
 'Package: libatomic1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 45\n'
 'Maintainer: Debian GCC Maintainers <debian-gcc@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: gcc-12\n'
 'Version: 12.2.0-14+deb12u1\n'
 'Depends: gcc-12-base (= 12.2.0-14+deb12u1), libc6 (>= 2.14)\n'
 'Description: support library providing __atomic built-in functions\n'
 ' library providing __atomic built-in functions. When an atomic call cannot\n'
 ' be turned into lock-free instructions, GCC will make calls into this library.\n'
 'Homepage: http://gcc.gnu.org/\n'
 '\n'
 'Package: liblzf1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 39\n'
 'Maintainer: Timo Röhling <timo@gaussglocke.de>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: liblzf\n'
 'Version: 3.6-3\n'
 'Depends: libc6 (>= 2.4)\n'
 'Description: Very small data compression library\n'
 ' This library implements the very, very fast LZF compression algorithm written\n'
 ' in C. Compression ratios are moderate with 40 to 50 percent for typical\n'
 ' binary data, but decompression speed is basically at unoptimized memcpy\n'
 ' speed.\n'
 'Homepage: http://software.schmorp.de/pkg/liblzf.html\n'
 '\n'
 'Package: libpython3-stdlib\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: python\n'
 'Installed-Size: 27\n'
 'Maintainer: Matthias Klose <doko@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: python3-defaults (3.11.2-1)\n'
 'Version: 3.11.2-1+b1\n'
 'Depends: libpython3.11-stdlib (>= 3.11.2-1~)\n'
 'Description: interactive high-level object-oriented language (default python3 version)\n'
 ' This package contains the majority of the standard library for the Python\n'
 ' language (default python3 version).\n'
 ' .\n'
 " This package is a dependency package, which depends on Debian's default\n"
 " Python 3 version's standard library (currently v3.11).\n"
 'Homepage: https://www.python.org/\n'
 '\n'
 'Package: libffi8\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 68\n'
 'Maintainer: Debian GCC Maintainers <debian-gcc@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libffi\n'
 'Version: 3.4.4-1\n'
 'Replaces: libffi8ubuntu1 (<< 3.4.2-1)\n'
 'Provides: libffi8ubuntu1 (= 3.4.4-1)\n'
 'Depends: libc6 (>= 2.34)\n'
 'Breaks: libffi8ubuntu1 (<< 3.4.2-1)\n'
 'Description: Foreign Function Interface library runtime\n'
 ' A foreign function interface is the popular name for the interface that\n'
 ' allows code written in one language to call code written in another\n'
 ' language.\n'
 'Homepage: https://sourceware.org/libffi/\n'
 '\n'
 'Package: libnsl2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 127\n'
 'Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libnsl\n'
 'Version: 1.3.0-2\n'
 'Depends: libc6 (>= 2.14), libtirpc3 (>= 1.0.2)\n'
 'Description: Public client interface for NIS(YP) and NIS+\n'
 ' This package contains the libnsl library, which contains the public client\n'
 ' interface for NIS(YP) and NIS+. This code was formerly part of glibc, but is\n'
 ' now standalone to be able to link against TI-RPC for IPv6 support.\n'
 'Homepage: https://github.com/thkukuk/libnsl\n'
 '\n'
 'Package: libsqlite3-0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 1682\n'
 'Maintainer: Laszlo Boszormenyi (GCS) <gcs@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: sqlite3\n'
 'Version: 3.40.1-2+deb12u2\n'
 'Depends: libc6 (>= 2.34)\n'
 'Breaks: crowdsec (<< 1.4), python-migrate (<< 0.11.0-4~), python3-migrate (<< 0.11.0-4~)\n'
 'Description: SQLite 3 shared library\n'
 ' SQLite is a C library that implements an SQL database engine.\n'
 ' Programs that link with the SQLite library can have SQL database\n'
 ' access without running a separate RDBMS process.\n'
 'Homepage: https://www.sqlite.org/\n'
 '\n'
 'Package: libestr0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 32\n'
 'Maintainer: Florian Ernst <florian@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libestr\n'
 'Version: 0.1.11-1\n'
 'Depends: libc6 (>= 2.14)\n'
 'Description: Helper functions for handling strings (lib)\n'
 " The 'libestr' library contains some essential string manipulation\n"
 ' functions and more, like escaping special characters.\n'
 ' .\n'
 ' This package contains the shared library.\n'
 'Homepage: https://libestr.adiscon.com/\n'
 '\n'
 'Package: libfastjson4\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 80\n'
 'Maintainer: Michael Biebl <biebl@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libfastjson\n'
 'Version: 1.2304.0-1\n'
 'Depends: libc6 (>= 2.14)\n'
 'Description: fast json library for C\n'
 ' The libfastjson library is a fork from json-c with a focus on performance.\n'
 ' .\n'
 ' This package contains the shared library.\n'
 'Homepage: https://github.com/rsyslog/libfastjson\n'
 '\n'
 'Package: liblognorm5\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 173\n'
 'Maintainer: Florian Ernst <florian@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: liblognorm\n'
 'Version: 2.0.6-4\n'
 'Depends: libc6 (>= 2.14), libestr0 (>= 0.1.0), libfastjson4 (>= 0.99.3)\n'
 'Description: log normalizing library\n'
 ' Liblognorm is an event and log normalization library that is capable of\n'
 ' real-time processing. It provides the capability to normalize events to\n'
 ' a set of standard formats.\n'
 ' .\n'
 ' This package contains the shared library.\n'
 'Homepage: https://www.liblognorm.com/\n'
 '\n'
 'Package: initramfs-tools-core\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: utils\n'
 'Installed-Size: 161\n'
 'Maintainer: Debian kernel team <debian-kernel@lists.debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Source: initramfs-tools\n'
 'Version: 0.142+deb12u3\n'
 'Replaces: initramfs-tools (<< 0.121~)\n'
 'Depends: klibc-utils (>= 2.0.4-8~), cpio (>= 2.12), kmod, udev, coreutils (>= 8.24), logsave '
 '| e2fsprogs (<< 1.45.3-1~)\n'
 'Recommends: busybox (>= 1:1.22.0-17~) | busybox-static (>= 1:1.22.0-17~), zstd\n'
 'Suggests: bash-completion\n'
 'Breaks: busybox (<< 1:1.22.0-17~), busybox-static (<< 1:1.22.0-17~), initramfs-tools (<< '
 '0.121~)\n'
 'Conffiles:\n'
 ' /etc/initramfs-tools/initramfs.conf 7cd32817dcb81991da2e2a928a32fdb0\n'
 'Description: generic modular initramfs generator (core tools)\n'
 ' This package contains the mkinitramfs program that can be used to\n'
 ' create a bootable initramfs for a Linux kernel.  The initramfs should\n'
 ' be loaded along with the kernel and is then responsible for mounting\n'
 ' the root filesystem and starting the main init system.\n'
 '\n'
 'Package: libxxhash0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 99\n'
 'Maintainer: Josue Ortega <josue@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: xxhash\n'
 'Version: 0.8.1-1\n'
 'Depends: libc6 (>= 2.14)\n'
 'Description: shared library for xxhash\n'
 ' xxHash is an Extremely fast Hash algorithm, running at RAM speed limits.\n'
 ' It successfully completes the SMHasher test suite which evaluates collision,\n'
 ' dispersion and randomness qualities of hash functions. Code is highly portable,\n'
 ' and hashes are identical on all platforms (little / big endian).\n'
 ' .\n'
 ' This package contains the shared library.\n'
 'Homepage: https://cyan4973.github.io/xxHash\n'
 '\n'
 'Package: gcc-12-base\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 100\n'
 'Maintainer: Debian GCC Maintainers <debian-gcc@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: gcc-12\n'
 'Version: 12.2.0-14+deb12u1\n'
 'Breaks: gnat (<< 7)\n'
 'Description: GCC, the GNU Compiler Collection (base package)\n'
 ' This package contains files common to all languages and libraries\n'
 ' contained in the GNU Compiler Collection (GCC).\n'
 'Homepage: http://gcc.gnu.org/\n'
 '\n'
 'Package: libhogweed6\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 463\n'
 'Maintainer: Magnus Holmgren <holmgren@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: nettle\n'
 'Version: 3.8.1-2\n'
 'Depends: libc6 (>= 2.14), libgmp10 (>= 2:6.2.1+dfsg1), libnettle8\n'
 'Description: low level cryptographic library (public-key cryptos)\n'
 ' Nettle is a cryptographic library that is designed to fit easily in more or\n'
 ' less any context: In crypto toolkits for object-oriented languages (C++,\n'
 ' Python, Pike, ...), in applications like LSH or GNUPG, or even in kernel\n'
 ' space.\n'
 ' .\n'
 ' It tries to solve a problem of providing a common set of cryptographic\n'
 ' algorithms for higher-level applications by implementing a\n'
 ' context-independent set of cryptographic algorithms. In that light, Nettle\n'
 " doesn't do any memory allocation or I/O, it simply provides the\n"
 ' cryptographic algorithms for the application to use in any environment and\n'
 ' in any way it needs.\n'
 ' .\n'
 ' This package contains the asymmetric cryptographic algorithms, which,\n'
 ' require the GNU multiple precision arithmetic library (libgmp) for\n'
 ' their large integer computations.\n'
 'Homepage: http://www.lysator.liu.se/~nisse/nettle/\n'
 '\n'
 'Package: libtasn1-6\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 116\n'
 'Maintainer: Debian GnuTLS Maintainers <pkg-gnutls-maint@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Version: 4.19.0-2+deb12u1\n'
 'Depends: libc6 (>= 2.14)\n'
 'Description: Manage ASN.1 structures (runtime)\n'
 ' Manage ASN1 (Abstract Syntax Notation One) structures.\n'
 ' The main features of this library are:\n'
 "   * on-line ASN1 structure management that doesn't require any C code\n"
 '     file generation.\n'
 '   * off-line ASN1 structure management with C code file generation\n'
 '     containing an array.\n'
 '   * DER (Distinguish Encoding Rules) encoding\n'
 '   * no limits for INTEGER and ENUMERATED values\n'
 ' .\n'
 ' This package contains runtime libraries.\n'
 'Homepage: https://www.gnu.org/software/libtasn1/\n'
 '\n'
 'Package: libunistring2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 1807\n'
 'Maintainer: Jörg Frings-Fürst <debian@jff.email>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libunistring\n'
 'Version: 1.0-2\n'
 'Depends: libc6 (>= 2.34)\n'
 'Description: Unicode string library for C\n'
 " The 'libunistring' library implements Unicode strings (in the UTF-8,\n"
 ' UTF-16, and UTF-32 encodings), together with functions for Unicode\n'
 ' characters (character names, classifications, properties) and\n'
 ' functions for string processing (formatted output, width, word\n'
 ' breaks, line breaks, normalization, case folding, regular\n'
 ' expressions).\n'
 ' .\n'
 ' This package contains the shared library.\n'
 'Homepage: https://www.gnu.org/software/libunistring/\n'
 '\n'
 'Package: readline-common\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: utils\n'
 'Installed-Size: 89\n'
 'Maintainer: Matthias Klose <doko@debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Source: readline\n'
 'Version: 8.2-1.3\n'
 'Replaces: libreadline-common, libreadline4 (<< 4.3-16), libreadline5 (<< 5.0-11)\n'
 'Depends: dpkg (>= 1.15.4) | install-info\n'
 'Suggests: readline-doc\n'
 'Conflicts: libreadline-common, libreadline5 (<< 5.0-11)\n'
 'Description: GNU readline and history libraries, common files\n'
 ' The GNU readline library aids in the consistency of user interface\n'
 ' across discrete programs that need to provide a command line\n'
 ' interface.\n'
 ' .\n'
 ' The GNU history library provides a consistent user interface for\n'
 ' recalling lines of previously typed input.\n'
 '\n'
 'Package: libk5crypto3\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 261\n'
 'Maintainer: Sam Hartman <hartmans@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: krb5\n'
 'Version: 1.20.1-2+deb12u3\n'
 'Depends: libc6 (>= 2.33), libkrb5support0 (>= 1.20)\n'
 'Suggests: krb5-doc, krb5-user\n'
 'Breaks: libgssapi-krb5-2 (<= 1.18~), libkrb5-3 (<= 1.18~)\n'
 'Description: MIT Kerberos runtime libraries - Crypto Library\n'
 ' Kerberos is a system for authenticating users and services on a network.\n'
 ' Kerberos is a trusted third-party service.  That means that there is a\n'
 ' third party (the Kerberos server) that is trusted by all the entities on\n'
 ' the network (users and services, usually called "principals").\n'
 ' .\n'
 ' This is the MIT reference implementation of Kerberos V5.\n'
 ' .\n'
 ' This package contains the runtime cryptography libraries used by\n'
 ' applications and Kerberos clients.\n'
 'Homepage: https://web.mit.edu/kerberos/\n'
 '\n'
 'Package: libkeyutils1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 40\n'
 'Maintainer: Christian Kastner <ckk@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: keyutils\n'
 'Version: 1.6.3-2\n'
 'Depends: libc6 (>= 2.14)\n'
 'Description: Linux Key Management Utilities (library)\n'
 ' Keyutils is a set of utilities for managing the key retention facility in the\n'
 ' kernel, which can be used by filesystems, block devices and more to gain and\n'
 ' retain the authorization and encryption keys required to perform secure\n'
 ' operations.\n'
 ' .\n'
 ' This package provides a wrapper library for the key management facility system\n'
 ' calls.\n'
 'Homepage: https://git.kernel.org/pub/scm/linux/kernel/git/dhowells/keyutils.git\n'
 '\n'
 'Package: libkrb5support0\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 134\n'
 'Maintainer: Sam Hartman <hartmans@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: krb5\n'
 'Version: 1.20.1-2+deb12u3\n'
 'Depends: libc6 (>= 2.34)\n'
 'Breaks: libgssapi-krb5-2 (<< 1.20), libk5crypto3 (<< 1.20), libkadm5clnt-mit9 (<< '
 '1.13~alpha1-1), libkadm5srv-mit9 (<< 1.13~alpha1-1), libkdb5-8 (<< 1.16)\n'
 'Description: MIT Kerberos runtime libraries - Support library\n'
 ' Kerberos is a system for authenticating users and services on a network.\n'
 ' Kerberos is a trusted third-party service.  That means that there is a\n'
 ' third party (the Kerberos server) that is trusted by all the entities on\n'
 ' the network (users and services, usually called "principals").\n'
 ' .\n'
 ' This is the MIT reference implementation of Kerberos V5.\n'
 ' .\n'
 ' This package contains an internal runtime support library used by other\n'
 ' Kerberos libraries.\n'
 'Homepage: https://web.mit.edu/kerberos/\n'
 '\n'
 'Package: libicu72\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 36170\n'
 'Maintainer: Laszlo Boszormenyi (GCS) <gcs@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: icu\n'
 'Version: 72.1-3+deb12u1\n'
 'Replaces: libiculx63 (<< 63.1-5)\n'
 'Depends: libc6 (>= 2.34), libgcc-s1 (>= 3.0), libstdc++6 (>= 12)\n'
 'Breaks: libiculx63 (<< 63.1-5), openttd (<< 1.8.0-2~)\n'
 'Description: International Components for Unicode\n'
 ' ICU is a C++ and C library that provides robust and full-featured\n'
 ' Unicode and locale support.  This package contains the runtime\n'
 ' libraries for ICU.\n'
 'Homepage: https://icu.unicode.org/\n'
 '\n'
 'Package: dbus-session-bus-common\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: admin\n'
 'Installed-Size: 107\n'
 'Maintainer: Utopia Maintenance Team <pkg-utopia-maintainers@lists.alioth.debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Source: dbus\n'
 'Version: 1.14.10-1~deb12u1\n'
 'Replaces: dbus (<< 1.13.18-2~)\n'
 'Breaks: dbus (<< 1.13.18-2~)\n'
 'Description: simple interprocess messaging system (session bus configuration)\n'
 ' D-Bus is a message bus, used for sending messages between applications.\n'
 ' Conceptually, it fits somewhere in between raw sockets and CORBA in\n'
 ' terms of complexity.\n'
 ' .\n'
 ' This package contains the configuration files defining the behaviour of\n'
 ' the D-Bus session bus, used for applications and per-user services.\n'
 ' These are used by the reference implementation in the dbus package,\n'
 ' and by the reimplementation in the dbus-broker package.\n'
 ' .\n'
 ' To provide a complete D-Bus session bus, install one of the packages\n'
 ' that implement the dbus-session-bus virtual package, such as\n'
 ' dbus-user-session. The recommended implementation is indicated by\n'
 ' the default-dbus-session-bus virtual package.\n'
 'Homepage: https://dbus.freedesktop.org/\n'
 '\n'
 'Package: libapparmor1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 109\n'
 'Maintainer: Debian AppArmor Team <pkg-apparmor-team@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: apparmor\n'
 'Version: 3.0.8-3\n'
 'Replaces: libapparmor-perl (<< 3.0.3-3)\n'
 'Depends: libc6 (>= 2.34)\n'
 'Breaks: libapparmor-perl (<< 3.0.3-3)\n'
 'Description: changehat AppArmor library\n'
 ' libapparmor1 provides a shared library one can compile programs\n'
 ' against in order to use various AppArmor functionality,\n'
 ' such as transitioning to a different AppArmor profile or hat.\n'
 'Homepage: https://apparmor.net/\n'
 '\n'
 'Package: libmagic-mgc\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 8130\n'
 'Maintainer: Christoph Biedl <debian.axhn@manchmal.in-ulm.de>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: file\n'
 'Version: 1:5.44-3\n'
 'Replaces: libmagic1 (<< 1:5.28-4~)\n'
 'Breaks: libmagic1 (<< 1:5.28-4~)\n'
 'Description: File type determination library using "magic" numbers (compiled magic file)\n'
 ' This package provides the compiled magic file "magic.mgc". It has\n'
 ' been separated from libmagic1 in order to meet the multiarch\n'
 ' requirements without breaking applications that expect this file\n'
 ' at its absolute path.\n'
 'Homepage: https://www.darwinsys.com/file/\n'
 '\n'
 'Package: libtirpc-common\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 35\n'
 'Maintainer: Josue Ortega <josue@debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Source: libtirpc\n'
 'Version: 1.3.3+ds-1\n'
 'Replaces: libtirpc1, libtirpc3 (<< 1.1.4-0.1~)\n'
 'Breaks: libtirpc1, libtirpc3 (<< 1.1.4-0.1~)\n'
 'Conffiles:\n'
 ' /etc/netconfig ca8db53e3af4d735335c2607d21c7195\n'
 'Description: transport-independent RPC library - common files\n'
 " This package contains a port of Sun's transport-independent RPC library to\n"
 ' Linux. The library is intended as a replacement for the RPC code in the GNU C\n'
 ' library, providing among others support for RPC (and in turn, NFS) over IPv6.\n'
 ' .\n'
 ' This package contains the netconfig configuration file as well as the\n'
 ' associated manpage.\n'
 'Homepage: http://sourceforge.net/projects/libtirpc\n'
 '\n'
 'Package: libaudit-common\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 22\n'
 'Maintainer: Laurent Bigonville <bigon@debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Source: audit\n'
 'Version: 1:3.0.9-1\n'
 'Conffiles:\n'
 ' /etc/libaudit.conf cdc703f9d27f0d980271a9e95d0f18b2\n'
 'Description: Dynamic library for security auditing - common files\n'
 ' The audit-libs package contains the dynamic libraries needed for\n'
 ' applications to use the audit framework. It is used to monitor systems for\n'
 ' security related events.\n'
 ' .\n'
 ' This package contains the libaudit.conf configuration file and the associated\n'
 ' manpage.\n'
 'Homepage: https://people.redhat.com/sgrubb/audit/\n'
 '\n'
 'Package: libnftnl11\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 233\n'
 'Maintainer: Debian Netfilter Packaging Team <pkg-netfilter-team@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libnftnl\n'
 'Version: 1.2.4-2\n'
 'Depends: libc6 (>= 2.34), libmnl0 (>= 1.0.3-4~)\n'
 'Description: Netfilter nftables userspace API library\n'
 ' libnftnl is the low-level library for Netfilter 4th generation\n'
 ' framework nftables.\n'
 ' .\n'
 ' Is the user-space library for low-level interaction with\n'
 " nftables Netlink's API over libmnl.\n"
 'Homepage: https://git.netfilter.org/libnftnl\n'
 '\n'
 'Package: libcbor0.8\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 98\n'
 'Maintainer: Vincent Bernat <bernat@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libcbor (0.8.0-2)\n'
 'Version: 0.8.0-2+b1\n'
 'Depends: libc6 (>= 2.14)\n'
 'Description: library for parsing and generating CBOR (RFC 7049)\n'
 ' CBOR is a general-purpose schema-less binary data format, defined in\n'
 ' RFC 7049. This package provides a C library for parsing and generating\n'
 ' CBOR. The main features are:\n'
 ' .\n'
 '  - Complete RFC conformance\n'
 '  - Robust C99 implementation\n'
 '  - Layered architecture offers both control and convenience\n'
 '  - Flexible memory management\n'
 '  - No shared global state - threading friendly\n'
 '  - Proper handling of UTF-8\n'
 '  - Full support for streams & incremental processing\n'
 '  - Extensive documentation and test suite\n'
 '  - No runtime dependencies, small footprint\n'
 ' .\n'
 ' This package contains the runtime library.\n'
 'Homepage: https://github.com/PJK/libcbor\n'
 '\n'
 'Package: libsemanage-common\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 37\n'
 'Maintainer: Debian SELinux maintainers <selinux-devel@lists.alioth.debian.org>\n'
 'Architecture: all\n'
 'Multi-Arch: foreign\n'
 'Source: libsemanage\n'
 'Version: 3.4-1\n'
 'Conffiles:\n'
 ' /etc/selinux/semanage.conf 8e8dfac33a09c1b53ca08bf6d4201b10\n'
 'Description: Common files for SELinux policy management libraries\n'
 ' This package provides the common files used by the shared libraries\n'
 ' for SELinux policy management.\n'
 ' .\n'
 ' Security-enhanced Linux is a patch of the Linux kernel and a\n'
 ' number of utilities with enhanced security functionality designed to\n'
 ' add mandatory access controls to Linux.  The Security-enhanced Linux\n'
 ' kernel contains new architectural components originally developed to\n'
 ' improve the security of the Flask operating system. These\n'
 ' architectural components provide general support for the enforcement\n'
 ' of many kinds of mandatory access control policies, including those\n'
 ' based on the concepts of Type Enforcement, Role-based Access\n'
 ' Control, and Multi-level Security.\n'
 'Homepage: https://selinuxproject.org\n'
 '\n'
 'Package: libsepol2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 775\n'
 'Maintainer: Debian SELinux maintainers <selinux-devel@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libsepol\n'
 'Version: 3.4-2.1\n'
 'Depends: libc6 (>= 2.33)\n'
 'Description: SELinux library for manipulating binary security policies\n'
 ' Security-enhanced Linux is a patch of the Linux kernel and a number\n'
 ' of utilities with enhanced security functionality designed to add\n'
 ' mandatory access controls to Linux.  The Security-enhanced Linux\n'
 ' kernel contains new architectural components originally developed to\n'
 ' improve the security of the Flask operating system. These\n'
 ' architectural components provide general support for the enforcement\n'
 ' of many kinds of mandatory access control policies, including those\n'
 ' based on the concepts of Type Enforcement®, Role-based Access\n'
 ' Control, and Multi-level Security.\n'
 ' .\n'
 ' libsepol provides an API for the manipulation of SELinux binary policies.\n'
 ' It is used by checkpolicy (the policy compiler) and similar tools, as well\n'
 ' as by programs like load_policy that need to perform specific transformations\n'
 ' on binary policies such as customizing policy boolean settings.\n'
 'Homepage: https://selinuxproject.org\n'
 '\n'
 'Package: libgdbm-compat4\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 70\n'
 'Maintainer: Nicolas Mora <babelouest@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: gdbm\n'
 'Version: 1.23-3\n'
 'Depends: libc6 (>= 2.33), libgdbm6 (>= 1.16)\n'
 'Description: GNU dbm database routines (legacy support runtime version)\n'
 " GNU dbm ('gdbm') is a library of database functions that use extendible\n"
 " hashing and works similarly to the standard UNIX 'dbm' functions.\n"
 ' .\n'
 " The basic use of 'gdbm' is to store key/data pairs in a data file, thus\n"
 " providing a persistent version of the 'dictionary' Abstract Data Type\n"
 " ('hash' to perl programmers).\n"
 ' This package includes library files, required to run old programs,\n'
 " that use legacy 'dbm' interface. For new programs, please use modern\n"
 ' interface, provided by libgdbm6 and libgdbm-dev.\n'
 'Homepage: https://gnu.org/software/gdbm\n'
 '\n'
 'Package: libargon2-1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 56\n'
 'Maintainer: Luca Bruno <lucab@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: argon2\n'
 'Version: 0~20171227-0.3+deb12u1\n'
 'Depends: libc6 (>= 2.34)\n'
 'Breaks: cryptsetup-initramfs (<< 2:2.6.1-2)\n'
 'Description: memory-hard hashing function - runtime library\n'
 ' Argon2 is a password-hashing function that can be used to hash passwords\n'
 ' for credential storage, key derivation, or other applications.\n'
 ' .\n'
 ' There are two main versions of Argon2: Argon2i and Argon2d.\n'
 ' Argon2i is the safest against side-channel attacks, while Argon2d provides\n'
 ' the highest resistance against GPU cracking attacks.\n'
 ' .\n'
 ' Argon2i and Argon2d are parametrized by:\n'
 '  * A time cost, which defines the amount of computation realized and\n'
 '    therefore the execution time, given in number of iterations\n'
 '  * A memory cost, which defines the memory usage, given in kibibytes\n'
 '  * A parallelism degree, which defines the number of parallel threads\n'
 ' .\n'
 ' This package includes the dynamic library against which programs are linked.\n'
 'Homepage: https://github.com/P-H-C/phc-winner-argon2\n'
 '\n'
 'Package: libdevmapper1.02.1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 474\n'
 'Maintainer: Debian LVM Team <team+lvm@tracker.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: lvm2 (2.03.16-2)\n'
 'Version: 2:1.02.185-2\n'
 'Depends: libc6 (>= 2.33), libselinux1 (>= 3.1~), libudev1 (>= 183), dmsetup (>= '
 '2:1.02.185-2~)\n'
 'Description: Linux Kernel Device Mapper userspace library\n'
 ' The Linux Kernel Device Mapper is the LVM (Linux Logical Volume Management)\n'
 " Team's implementation of a minimalistic kernel-space driver that handles\n"
 ' volume management, while keeping knowledge of the underlying device layout\n'
 ' in user-space.  This makes it useful for not only LVM, but software raid,\n'
 ' and other drivers that create "virtual" block devices.\n'
 ' .\n'
 ' This package contains the (user-space) shared library for accessing the\n'
 ' device-mapper; it allows usage of the device-mapper through a clean,\n'
 ' consistent interface (as opposed to through kernel ioctls).\n'
 'Homepage: https://sourceware.org/lvm2/\n'
 '\n'
 'Package: libip4tc2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 66\n'
 'Maintainer: Debian Netfilter Packaging Team <pkg-netfilter-team@lists.alioth.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: iptables\n'
 'Version: 1.8.9-2\n'
 'Depends: libc6 (>= 2.28)\n'
 'Description: netfilter libip4tc library\n'
 ' The iptables/xtables framework has been replaced by nftables. You should\n'
 ' consider migrating now.\n'
 ' .\n'
 ' This package contains the user-space iptables (IPv4) C library from the\n'
 ' Netfilter xtables framework.\n'
 ' .\n'
 ' iptables IPv4 ruleset ADT and kernel interface.\n'
 ' .\n'
 ' This library has been considered private for years (and still is), in the\n'
 ' sense of changing symbols and backward compatibility not guaranteed.\n'
 'Homepage: https://www.netfilter.org/\n'
 '\n'
 'Package: librtmp1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 146\n'
 'Maintainer: Debian Multimedia Maintainers <debian-multimedia@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: rtmpdump (2.4+20151223.gitfa8646d.1-2)\n'
 'Version: 2.4+20151223.gitfa8646d.1-2+b2\n'
 'Depends: libc6 (>= 2.14), libgmp10, libgnutls30 (>= 3.6.14), libhogweed6, libnettle8, zlib1g '
 '(>= 1:1.1.4)\n'
 'Description: toolkit for RTMP streams (shared library)\n'
 " A small dumper for media content streamed over the RTMP protocol (like BBC's\n"
 ' iPlayer high quality streams). Supplying an RTMP URL will result in a dumped\n'
 ' flv file, which can be played/transcoded with standard tools.\n'
 ' .\n'
 ' This package contains the shared libraries, header files needed by\n'
 ' programs that want to use librtmp.\n'
 'Homepage: http://rtmpdump.mplayerhq.hu/\n'
 '\n'
 'Package: libssh2-1\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 357\n'
 'Maintainer: Nicolas Mora <babelouest@debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: libssh2 (1.10.0-3)\n'
 'Version: 1.10.0-3+b1\n'
 'Depends: libc6 (>= 2.14), libssl3 (>= 3.0.0), zlib1g (>= 1:1.1.4)\n'
 'Description: SSH2 client-side library\n'
 ' libssh2 is a client-side C library implementing the SSH2 protocol.\n'
 ' It supports regular terminal, SCP and SFTP (v1-v5) sessions;\n'
 ' port forwarding, X11 forwarding; password, key-based and\n'
 ' keyboard-interactive authentication.\n'
 ' .\n'
 ' This package contains the runtime library.\n'
 'Homepage: https://libssh2.org/\n'
 '\n'
 'Package: libsasl2-2\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 167\n'
 'Maintainer: Debian Cyrus Team <team+cyrus@tracker.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: cyrus-sasl2\n'
 'Version: 2.1.28+dfsg-10\n'
 'Replaces: libsasl2\n'
 'Depends: libsasl2-modules-db (>= 2.1.28+dfsg-10), libc6 (>= 2.34)\n'
 'Recommends: libsasl2-modules (>= 2.1.28+dfsg-10)\n'
 'Description: Cyrus SASL - authentication abstraction library\n'
 ' This is the Cyrus SASL API implementation, version 2.1.\n'
 ' .\n'
 ' SASL is the Simple Authentication and Security Layer, a method for\n'
 ' adding authentication support to connection-based protocols. To use\n'
 ' SASL, a protocol includes a command for identifying and\n'
 ' authenticating a user to a server and for optionally negotiating\n'
 ' protection of subsequent protocol interactions. If its use is\n'
 ' negotiated, a security layer is inserted between the protocol and the\n'
 ' connection. See RFC 2222 for more information.\n'
 ' .\n'
 ' Any of: ANONYMOUS, SCRAM, CRAM-MD5, DIGEST-MD5, GSSAPI (MIT or Heimdal\n'
 ' Kerberos 5), NTLM, OTP, PLAIN, or LOGIN can be used.\n'
 'Homepage: https://www.cyrusimap.org/sasl/\n'
 '\n'
 'Package: klibc-utils\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 569\n'
 'Maintainer: Debian Kernel Team <debian-kernel@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: klibc\n'
 'Version: 2.0.12-1\n'
 'Depends: libklibc (= 2.0.12-1)\n'
 'Description: small utilities built with klibc for early boot\n'
 ' This package contains a collection of programs that are linked\n'
 ' against klibc. These duplicate some of the functionality of a\n'
 ' regular Linux toolset, but are typically much smaller than their\n'
 ' full-function counterparts.  They are intended for inclusion in\n'
 ' initramfs images and embedded systems.\n'
 'Homepage: https://git.kernel.org/cgit/libs/klibc/klibc.git\n'
 '\n'
 'Package: dmsetup\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: admin\n'
 'Installed-Size: 246\n'
 'Maintainer: Debian LVM Team <team+lvm@tracker.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: foreign\n'
 'Source: lvm2 (2.03.16-2)\n'
 'Version: 2:1.02.185-2\n'
 'Depends: libc6 (>= 2.34), libdevmapper1.02.1 (>= 2:1.02.181)\n'
 'Description: Linux Kernel Device Mapper userspace library\n'
 ' The Linux Kernel Device Mapper is the LVM (Linux Logical Volume Management)\n'
 " Team's implementation of a minimalistic kernel-space driver that handles\n"
 ' volume management, while keeping knowledge of the underlying device layout\n'
 ' in user-space.  This makes it useful for not only LVM, but software raid,\n'
 ' and other drivers that create "virtual" block devices.\n'
 ' .\n'
 ' This package contains a utility for modifying device mappings.\n'
 'Homepage: https://sourceware.org/lvm2/\n'
 '\n'
 'Package: libsasl2-modules-db\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 77\n'
 'Maintainer: Debian Cyrus Team <team+cyrus@tracker.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: cyrus-sasl2\n'
 'Version: 2.1.28+dfsg-10\n'
 'Depends: libc6 (>= 2.14), libdb5.3\n'
 'Description: Cyrus SASL - pluggable authentication modules (DB)\n'
 ' This is the Cyrus SASL API implementation, version 2.1. See package\n'
 ' libsasl2-2 and RFC 2222 for more information.\n'
 ' .\n'
 ' This package provides the DB plugin, which supports Berkeley DB lookups.\n'
 'Homepage: https://www.cyrusimap.org/sasl/\n'
 '\n'
 'Package: libklibc\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: libs\n'
 'Installed-Size: 97\n'
 'Maintainer: Debian Kernel Team <debian-kernel@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Multi-Arch: same\n'
 'Source: klibc\n'
 'Version: 2.0.12-1\n'
 'Description: minimal libc subset for use with initramfs\n'
 ' klibc is intended to be a minimalistic libc subset for use with\n'
 ' initramfs.  It is deliberately written for small size, minimal\n'
 ' entanglement, and portability, not speed.  It is definitely a work in\n'
 ' progress, and a lot of things are still missing.\n'
 'Homepage: https://git.kernel.org/cgit/libs/klibc/klibc.git\n'
 '\n'
 'Package: linux-image-6.1.0-28-amd64\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: kernel\n'
 'Installed-Size: 400842\n'
 'Maintainer: Debian Kernel Team <debian-kernel@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Source: linux-signed-amd64 (6.1.119+1)\n'
 'Version: 6.1.119-1\n'
 'Replaces: linux-image-6.1.0-28-amd64-unsigned\n'
 'Depends: kmod, linux-base (>= 4.3~), initramfs-tools (>= 0.120+deb8u2) | '
 'linux-initramfs-tool\n'
 'Recommends: firmware-linux-free, apparmor\n'
 'Suggests: linux-doc-6.1, debian-kernel-handbook, grub-pc | grub-efi-amd64 | extlinux\n'
 'Breaks: fwupdate (<< 12-7), initramfs-tools (<< 0.120+deb8u2), wireless-regdb (<< '
 '2019.06.03-1~)\n'
 'Conflicts: linux-image-6.1.0-28-amd64-unsigned\n'
 'Description: Linux 6.1 for 64-bit PCs (signed)\n'
 'Homepage: https://www.kernel.org/\n'
 '\n'
 'Package: linux-image-amd64\n'
 'Status: install ok installed\n'
 'Priority: optional\n'
 'Section: kernel\n'
 'Installed-Size: 13\n'
 'Maintainer: Debian Kernel Team <debian-kernel@lists.debian.org>\n'
 'Architecture: amd64\n'
 'Source: linux-signed-amd64 (6.1.119+1)\n'
 'Version: 6.1.119-1\n'
 'Provides: linux-image-generic, linux-latest-modules-6.1.0-28-amd64, '
 'virtualbox-guest-modules, wireguard-modules (= 1.0.0)\n'
 'Depends: linux-image-6.1.0-28-amd64 (= 6.1.119-1)\n'
 'Description: Linux for 64-bit PCs (meta-package)\n'
 'Homepage: https://www.kernel.org/\n')

FILES: dict[str, tuple[str, ...]] = {'adduser': ('/.',
             '/usr',
             '/usr/sbin',
             '/usr/sbin/adduser',
             '/usr/sbin/deluser',
             '/usr/share',
             '/usr/share/doc',
             '/usr/share/doc/adduser',
             '/usr/sbin/addgroup',
             '/usr/sbin/delgroup'),
 'apache2': ('/.',
             '/lib',
             '/lib/systemd',
             '/lib/systemd/system',
             '/lib/systemd/system/apache-htcacheclean.service',
             '/lib/systemd/system/apache-htcacheclean@.service',
             '/lib/systemd/system/apache2.service',
             '/lib/systemd/system/apache2@.service',
             '/usr',
             '/usr/sbin',
             '/usr/sbin/a2enmod',
             '/usr/sbin/a2query',
             '/usr/sbin/apache2ctl',
             '/usr/share',
             '/usr/share/doc',
             '/usr/share/doc/apache2',
             '/usr/sbin/a2disconf',
             '/usr/sbin/a2dismod',
             '/usr/sbin/a2dissite',
             '/usr/sbin/a2enconf',
             '/usr/sbin/a2ensite',
             '/usr/sbin/apachectl'),
 'apache2-bin': ('/.',
                 '/usr',
                 '/usr/sbin',
                 '/usr/sbin/apache2',
                 '/usr/share',
                 '/usr/share/doc',
                 '/usr/share/doc/apache2-bin'),
 'apache2-data': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/apache2-data'),
 'apache2-utils': ('/.',
                   '/usr',
                   '/usr/bin',
                   '/usr/bin/ab',
                   '/usr/bin/checkgid',
                   '/usr/bin/fcgistarter',
                   '/usr/bin/htcacheclean',
                   '/usr/bin/htdbm',
                   '/usr/bin/htdigest',
                   '/usr/bin/htpasswd',
                   '/usr/bin/logresolve',
                   '/usr/bin/rotatelogs',
                   '/usr/sbin',
                   '/usr/sbin/check_forensic',
                   '/usr/sbin/httxt2dbm',
                   '/usr/sbin/split-logfile',
                   '/usr/share',
                   '/usr/share/doc',
                   '/usr/share/doc/apache2-utils'),
 'apt': ('/.',
         '/lib',
         '/lib/systemd',
         '/lib/systemd/system',
         '/lib/systemd/system/apt-daily-upgrade.service',
         '/lib/systemd/system/apt-daily.service',
         '/usr',
         '/usr/bin',
         '/usr/bin/apt',
         '/usr/bin/apt-cache',
         '/usr/bin/apt-cdrom',
         '/usr/bin/apt-config',
         '/usr/bin/apt-get',
         '/usr/bin/apt-key',
         '/usr/bin/apt-mark',
         '/usr/share',
         '/usr/share/doc',
         '/usr/share/doc/apt'),
 'base-files': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/base-files'),
 'base-passwd': ('/.',
                 '/usr',
                 '/usr/sbin',
                 '/usr/sbin/update-passwd',
                 '/usr/share',
                 '/usr/share/doc',
                 '/usr/share/doc/base-passwd'),
 'bash': ('/.',
          '/bin',
          '/bin/bash',
          '/usr',
          '/usr/bin',
          '/usr/bin/bashbug',
          '/usr/bin/clear_console',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/bash',
          '/bin/rbash'),
 'bc': ('/.',
        '/usr',
        '/usr/bin',
        '/usr/bin/bc',
        '/usr/share',
        '/usr/share/doc',
        '/usr/share/doc/bc'),
 'bind9-dnsutils': ('/.',
                    '/usr',
                    '/usr/bin',
                    '/usr/bin/delv',
                    '/usr/bin/dig',
                    '/usr/bin/dnstap-read',
                    '/usr/bin/mdig',
                    '/usr/bin/nslookup',
                    '/usr/bin/nsupdate',
                    '/usr/share',
                    '/usr/share/doc',
                    '/usr/share/doc/bind9-dnsutils'),
 'bind9-host': ('/.',
                '/usr',
                '/usr/bin',
                '/usr/bin/host',
                '/usr/share',
                '/usr/share/doc',
                '/usr/share/doc/bind9-host'),
 'bind9-libs': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/bind9-libs'),
 'bsdextrautils': ('/.',
                   '/usr',
                   '/usr/bin',
                   '/usr/bin/col',
                   '/usr/bin/colcrt',
                   '/usr/bin/colrm',
                   '/usr/bin/column',
                   '/usr/bin/hexdump',
                   '/usr/bin/look',
                   '/usr/bin/ul',
                   '/usr/bin/write',
                   '/usr/share',
                   '/usr/share/doc',
                   '/usr/share/doc/bsdextrautils',
                   '/usr/bin/hd'),
 'bsdutils': ('/.',
              '/usr',
              '/usr/bin',
              '/usr/bin/logger',
              '/usr/bin/renice',
              '/usr/bin/script',
              '/usr/bin/scriptlive',
              '/usr/bin/scriptreplay',
              '/usr/bin/wall',
              '/usr/share',
              '/usr/share/doc',
              '/usr/share/doc/bsdutils'),
 'busybox': ('/.',
             '/bin',
             '/bin/busybox',
             '/usr',
             '/usr/share',
             '/usr/share/doc',
             '/usr/share/doc/busybox',
             '/usr/share/doc/busybox/changelog.Debian.amd64.gz',
             '/usr/share/doc/busybox/changelog.Debian.gz',
             '/usr/share/doc/busybox/copyright',
             '/usr/share/doc/busybox/mdev.txt.gz',
             '/usr/share/doc/busybox/syslog.conf.txt',
             '/usr/share/initramfs-tools',
             '/usr/share/initramfs-tools/conf-hooks.d',
             '/usr/share/initramfs-tools/conf-hooks.d/busybox',
             '/usr/share/initramfs-tools/hooks',
             '/usr/share/initramfs-tools/hooks/zz-busybox',
             '/usr/share/man',
             '/usr/share/man/man1',
             '/usr/share/man/man1/busybox.1.gz'),
 'bzip2': ('/.',
           '/bin',
           '/bin/bunzip2',
           '/bin/bzcat',
           '/bin/bzdiff',
           '/bin/bzexe',
           '/bin/bzgrep',
           '/bin/bzip2',
           '/bin/bzip2recover',
           '/bin/bzmore',
           '/usr',
           '/usr/share',
           '/usr/share/doc',
           '/usr/share/doc/bzip2',
           '/bin/bzcmp',
           '/bin/bzegrep',
           '/bin/bzfgrep',
           '/bin/bzless'),
 'ca-certificates': ('/.',
                     '/usr',
                     '/usr/sbin',
                     '/usr/sbin/update-ca-certificates',
                     '/usr/share',
                     '/usr/share/doc',
                     '/usr/share/doc/ca-certificates'),
 'coreutils': ('/.',
               '/bin',
               '/bin/cat',
               '/bin/chgrp',
               '/bin/chmod',
               '/bin/chown',
               '/bin/cp',
               '/bin/date',
               '/bin/dd',
               '/bin/df',
               '/bin/dir',
               '/bin/echo',
               '/bin/false',
               '/bin/ln',
               '/bin/ls',
               '/bin/mkdir',
               '/bin/mknod',
               '/bin/mktemp',
               '/bin/mv',
               '/bin/pwd',
               '/bin/readlink',
               '/bin/rm',
               '/bin/rmdir',
               '/bin/sleep',
               '/bin/stty',
               '/bin/sync',
               '/bin/touch',
               '/bin/true',
               '/bin/uname',
               '/bin/vdir',
               '/usr',
               '/usr/bin',
               '/usr/bin/[',
               '/usr/bin/arch',
               '/usr/bin/b2sum',
               '/usr/bin/base32',
               '/usr/bin/base64',
               '/usr/bin/basename',
               '/usr/bin/basenc',
               '/usr/bin/chcon',
               '/usr/bin/cksum',
               '/usr/bin/comm',
               '/usr/bin/csplit',
               '/usr/bin/cut',
               '/usr/bin/dircolors',
               '/usr/bin/dirname',
               '/usr/bin/du',
               '/usr/bin/env',
               '/usr/bin/expand',
               '/usr/bin/expr',
               '/usr/bin/factor',
               '/usr/bin/fmt',
               '/usr/bin/fold',
               '/usr/bin/groups',
               '/usr/bin/head',
               '/usr/bin/hostid',
               '/usr/bin/id',
               '/usr/bin/install',
               '/usr/bin/join',
               '/usr/bin/link',
               '/usr/bin/logname',
               '/usr/bin/md5sum',
               '/usr/bin/mkfifo',
               '/usr/bin/nice',
               '/usr/bin/nl',
               '/usr/bin/nohup',
               '/usr/bin/nproc',
               '/usr/bin/numfmt',
               '/usr/bin/od',
               '/usr/bin/paste',
               '/usr/bin/pathchk',
               '/usr/bin/pinky',
               '/usr/bin/pr',
               '/usr/bin/printenv',
               '/usr/bin/printf',
               '/usr/bin/ptx',
               '/usr/bin/realpath',
               '/usr/bin/runcon',
               '/usr/bin/seq',
               '/usr/bin/sha1sum',
               '/usr/bin/sha224sum',
               '/usr/bin/sha256sum',
               '/usr/bin/sha384sum',
               '/usr/bin/sha512sum',
               '/usr/bin/shred',
               '/usr/bin/shuf',
               '/usr/bin/sort',
               '/usr/bin/split',
               '/usr/bin/stat',
               '/usr/bin/stdbuf',
               '/usr/bin/sum',
               '/usr/bin/tac',
               '/usr/bin/tail',
               '/usr/bin/tee',
               '/usr/bin/test',
               '/usr/bin/timeout',
               '/usr/bin/tr',
               '/usr/bin/truncate',
               '/usr/bin/tsort',
               '/usr/bin/tty',
               '/usr/bin/unexpand',
               '/usr/bin/uniq',
               '/usr/bin/unlink',
               '/usr/bin/users',
               '/usr/bin/wc',
               '/usr/bin/who',
               '/usr/bin/whoami',
               '/usr/bin/yes',
               '/usr/sbin',
               '/usr/sbin/chroot',
               '/usr/share',
               '/usr/share/doc',
               '/usr/share/doc/coreutils',
               '/usr/bin/md5sum.textutils'),
 'cpio': ('/.',
          '/bin',
          '/bin/cpio',
          '/bin/mt-gnu',
          '/usr',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/cpio'),
 'cron': ('/.',
          '/lib',
          '/lib/systemd',
          '/lib/systemd/system',
          '/lib/systemd/system/cron.service',
          '/usr',
          '/usr/bin',
          '/usr/bin/crontab',
          '/usr/sbin',
          '/usr/sbin/cron',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/cron'),
 'cron-daemon-common': ('/.',
                        '/usr',
                        '/usr/share',
                        '/usr/share/doc',
                        '/usr/share/doc/cron-daemon-common'),
 'curl': ('/.',
          '/usr',
          '/usr/bin',
          '/usr/bin/curl',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/curl'),
 'dash': ('/.',
          '/bin',
          '/bin/dash',
          '/usr',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/dash',
          '/bin/sh'),
 'dbus': ('/.',
          '/lib',
          '/lib/systemd',
          '/lib/systemd/system',
          '/lib/systemd/system/dbus.service',
          '/lib/systemd/system/multi-user.target.wants',
          '/usr',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/dbus',
          '/lib/systemd/system/multi-user.target.wants/dbus.service'),
 'dbus-bin': ('/.',
              '/usr',
              '/usr/bin',
              '/usr/bin/dbus-cleanup-sockets',
              '/usr/bin/dbus-monitor',
              '/usr/bin/dbus-send',
              '/usr/bin/dbus-update-activation-environment',
              '/usr/bin/dbus-uuidgen',
              '/usr/share',
              '/usr/share/doc',
              '/usr/share/doc/dbus-bin'),
 'dbus-daemon': ('/.',
                 '/usr',
                 '/usr/bin',
                 '/usr/bin/dbus-daemon',
                 '/usr/bin/dbus-run-session',
                 '/usr/share',
                 '/usr/share/doc',
                 '/usr/share/doc/dbus-daemon'),
 'dbus-session-bus-common': ('/.',
                             '/usr',
                             '/usr/share',
                             '/usr/share/doc',
                             '/usr/share/doc/dbus-session-bus-common'),
 'dbus-system-bus-common': ('/.',
                            '/usr',
                            '/usr/share',
                            '/usr/share/doc',
                            '/usr/share/doc/dbus-system-bus-common'),
 'debconf': ('/.',
             '/usr',
             '/usr/bin',
             '/usr/bin/debconf',
             '/usr/bin/debconf-apt-progress',
             '/usr/bin/debconf-communicate',
             '/usr/bin/debconf-copydb',
             '/usr/bin/debconf-escape',
             '/usr/bin/debconf-set-selections',
             '/usr/bin/debconf-show',
             '/usr/sbin',
             '/usr/sbin/dpkg-preconfigure',
             '/usr/sbin/dpkg-reconfigure',
             '/usr/share',
             '/usr/share/doc',
             '/usr/share/doc/debconf'),
 'debian-archive-keyring': ('/.',
                            '/usr',
                            '/usr/share',
                            '/usr/share/doc',
                            '/usr/share/doc/debian-archive-keyring'),
 'debianutils': ('/.',
                 '/bin',
                 '/bin/run-parts',
                 '/bin/tempfile',
                 '/sbin',
                 '/sbin/installkernel',
                 '/usr',
                 '/usr/bin',
                 '/usr/bin/ischroot',
                 '/usr/bin/savelog',
                 '/usr/bin/which.debianutils',
                 '/usr/sbin',
                 '/usr/sbin/add-shell',
                 '/usr/sbin/remove-shell',
                 '/usr/sbin/update-shells',
                 '/usr/share',
                 '/usr/share/doc',
                 '/usr/share/doc/debianutils'),
 'diffutils': ('/.',
               '/usr',
               '/usr/bin',
               '/usr/bin/cmp',
               '/usr/bin/diff',
               '/usr/bin/diff3',
               '/usr/bin/sdiff',
               '/usr/share',
               '/usr/share/doc',
               '/usr/share/doc/diffutils'),
 'dmsetup': ('/.',
             '/sbin',
             '/sbin/blkdeactivate',
             '/sbin/dmsetup',
             '/usr',
             '/usr/share',
             '/usr/share/doc',
             '/usr/share/doc/dmsetup',
             '/sbin/dmstats'),
 'dpkg': ('/.',
          '/lib',
          '/lib/systemd',
          '/lib/systemd/system',
          '/lib/systemd/system/dpkg-db-backup.service',
          '/sbin',
          '/sbin/start-stop-daemon',
          '/usr',
          '/usr/bin',
          '/usr/bin/dpkg',
          '/usr/bin/dpkg-deb',
          '/usr/bin/dpkg-divert',
          '/usr/bin/dpkg-maintscript-helper',
          '/usr/bin/dpkg-query',
          '/usr/bin/dpkg-realpath',
          '/usr/bin/dpkg-split',
          '/usr/bin/dpkg-statoverride',
          '/usr/bin/dpkg-trigger',
          '/usr/bin/update-alternatives',
          '/usr/sbin',
          '/usr/sbin/dpkg-fsys-usrunmess',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/dpkg'),
 'dropbear': ('/.',
              '/etc',
              '/etc/default',
              '/etc/default/dropbear',
              '/etc/dropbear',
              '/etc/dropbear/log',
              '/etc/dropbear/log/run',
              '/etc/dropbear/run',
              '/etc/init.d',
              '/etc/init.d/dropbear',
              '/lib',
              '/lib/systemd',
              '/lib/systemd/system',
              '/lib/systemd/system/dropbear.service',
              '/usr',
              '/usr/share',
              '/usr/share/doc',
              '/usr/share/doc/dropbear',
              '/usr/share/doc/dropbear/NEWS.Debian.gz',
              '/usr/share/doc/dropbear/README.Debian',
              '/usr/share/doc/dropbear/README.runit',
              '/usr/share/doc/dropbear/changelog.Debian.gz',
              '/usr/share/doc/dropbear/changelog.gz',
              '/usr/share/doc/dropbear/copyright',
              '/etc/dropbear/log/main'),
 'dropbear-bin': ('/.',
                  '/usr',
                  '/usr/bin',
                  '/usr/bin/dbclient',
                  '/usr/bin/dropbearconvert',
                  '/usr/bin/dropbearkey',
                  '/usr/lib',
                  '/usr/lib/dropbear',
                  '/usr/sbin',
                  '/usr/sbin/dropbear',
                  '/usr/share',
                  '/usr/share/doc',
                  '/usr/share/doc/dropbear-bin',
                  '/usr/share/doc/dropbear-bin/NEWS.Debian.gz',
                  '/usr/share/doc/dropbear-bin/README',
                  '/usr/share/doc/dropbear-bin/changelog.Debian.gz',
                  '/usr/share/doc/dropbear-bin/changelog.gz',
                  '/usr/share/doc/dropbear-bin/copyright',
                  '/usr/share/man',
                  '/usr/share/man/man1',
                  '/usr/share/man/man1/dbclient.1.gz',
                  '/usr/share/man/man1/dropbearconvert.1.gz',
                  '/usr/share/man/man1/dropbearkey.1.gz',
                  '/usr/share/man/man8',
                  '/usr/share/man/man8/dropbear.8.gz',
                  '/usr/lib/dropbear/dropbearconvert'),
 'e2fsprogs': ('/.',
               '/lib',
               '/lib/systemd',
               '/lib/systemd/system',
               '/lib/systemd/system/e2scrub@.service',
               '/lib/systemd/system/e2scrub_all.service',
               '/lib/systemd/system/e2scrub_fail@.service',
               '/lib/systemd/system/e2scrub_reap.service',
               '/sbin',
               '/sbin/badblocks',
               '/sbin/debugfs',
               '/sbin/dumpe2fs',
               '/sbin/e2fsck',
               '/sbin/e2image',
               '/sbin/e2scrub',
               '/sbin/e2scrub_all',
               '/sbin/e2undo',
               '/sbin/mke2fs',
               '/sbin/resize2fs',
               '/sbin/tune2fs',
               '/usr',
               '/usr/bin',
               '/usr/bin/chattr',
               '/usr/bin/lsattr',
               '/usr/sbin',
               '/usr/sbin/e2freefrag',
               '/usr/sbin/e4crypt',
               '/usr/sbin/e4defrag',
               '/usr/sbin/filefrag',
               '/usr/sbin/mklost+found',
               '/usr/share',
               '/usr/share/doc',
               '/usr/share/doc/e2fsprogs',
               '/sbin/e2label',
               '/sbin/e2mmpstatus',
               '/sbin/fsck.ext2',
               '/sbin/fsck.ext3',
               '/sbin/fsck.ext4',
               '/sbin/mkfs.ext2',
               '/sbin/mkfs.ext3',
               '/sbin/mkfs.ext4'),
 'file': ('/.',
          '/usr',
          '/usr/bin',
          '/usr/bin/file',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/file'),
 'findutils': ('/.',
               '/usr',
               '/usr/bin',
               '/usr/bin/find',
               '/usr/bin/xargs',
               '/usr/share',
               '/usr/share/doc',
               '/usr/share/doc/findutils'),
 'gcc-12-base': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/gcc-12-base'),
 'gettext-base': ('/.',
                  '/usr',
                  '/usr/bin',
                  '/usr/bin/envsubst',
                  '/usr/bin/gettext',
                  '/usr/bin/gettext.sh',
                  '/usr/bin/ngettext',
                  '/usr/share',
                  '/usr/share/doc',
                  '/usr/share/doc/gettext-base'),
 'gpgv': ('/.',
          '/usr',
          '/usr/bin',
          '/usr/bin/gpgv',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/gpgv'),
 'grep': ('/.',
          '/bin',
          '/bin/egrep',
          '/bin/fgrep',
          '/bin/grep',
          '/usr',
          '/usr/bin',
          '/usr/bin/rgrep',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/grep'),
 'groff-base': ('/.',
                '/usr',
                '/usr/bin',
                '/usr/bin/eqn',
                '/usr/bin/groff',
                '/usr/bin/grog',
                '/usr/bin/grops',
                '/usr/bin/grotty',
                '/usr/bin/neqn',
                '/usr/bin/nroff',
                '/usr/bin/pic',
                '/usr/bin/preconv',
                '/usr/bin/soelim',
                '/usr/bin/tbl',
                '/usr/bin/troff',
                '/usr/share',
                '/usr/share/doc',
                '/usr/share/doc/groff-base',
                '/usr/bin/geqn',
                '/usr/bin/gpic',
                '/usr/bin/gtbl'),
 'gzip': ('/.',
          '/bin',
          '/bin/gunzip',
          '/bin/gzexe',
          '/bin/gzip',
          '/bin/uncompress',
          '/bin/zcat',
          '/bin/zcmp',
          '/bin/zdiff',
          '/bin/zegrep',
          '/bin/zfgrep',
          '/bin/zforce',
          '/bin/zgrep',
          '/bin/zless',
          '/bin/zmore',
          '/bin/znew',
          '/usr',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/gzip'),
 'hostname': ('/.',
              '/bin',
              '/bin/hostname',
              '/usr',
              '/usr/share',
              '/usr/share/doc',
              '/usr/share/doc/hostname',
              '/bin/dnsdomainname',
              '/bin/domainname',
              '/bin/nisdomainname',
              '/bin/ypdomainname'),
 'init-system-helpers': ('/.',
                         '/usr',
                         '/usr/bin',
                         '/usr/bin/deb-systemd-helper',
                         '/usr/bin/deb-systemd-invoke',
                         '/usr/sbin',
                         '/usr/sbin/invoke-rc.d',
                         '/usr/sbin/service',
                         '/usr/sbin/update-rc.d',
                         '/usr/share',
                         '/usr/share/doc',
                         '/usr/share/doc/init-system-helpers'),
 'initramfs-tools': ('/.',
                     '/usr',
                     '/usr/sbin',
                     '/usr/sbin/update-initramfs',
                     '/usr/share',
                     '/usr/share/doc',
                     '/usr/share/doc/initramfs-tools'),
 'initramfs-tools-core': ('/.',
                          '/usr',
                          '/usr/bin',
                          '/usr/bin/lsinitramfs',
                          '/usr/bin/unmkinitramfs',
                          '/usr/sbin',
                          '/usr/sbin/mkinitramfs',
                          '/usr/share',
                          '/usr/share/doc',
                          '/usr/share/doc/initramfs-tools-core'),
 'iproute2': ('/.',
              '/bin',
              '/bin/ip',
              '/bin/ss',
              '/sbin',
              '/sbin/bridge',
              '/sbin/dcb',
              '/sbin/devlink',
              '/sbin/rtacct',
              '/sbin/rtmon',
              '/sbin/tc',
              '/sbin/tipc',
              '/sbin/vdpa',
              '/usr',
              '/usr/bin',
              '/usr/bin/lnstat',
              '/usr/bin/nstat',
              '/usr/bin/rdma',
              '/usr/bin/routel',
              '/usr/sbin',
              '/usr/sbin/arpd',
              '/usr/sbin/genl',
              '/usr/share',
              '/usr/share/doc',
              '/usr/share/doc/iproute2',
              '/sbin/ip',
              '/usr/bin/ctstat',
              '/usr/bin/rtstat'),
 'klibc-utils': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/klibc-utils'),
 'kmod': ('/.',
          '/bin',
          '/bin/kmod',
          '/sbin',
          '/usr',
          '/usr/share',
          '/usr/share/doc',
          '/bin/lsmod',
          '/sbin/depmod',
          '/sbin/insmod',
          '/sbin/lsmod',
          '/sbin/modinfo',
          '/sbin/modprobe',
          '/sbin/rmmod',
          '/usr/share/doc/kmod'),
 'less': ('/.',
          '/usr',
          '/usr/bin',
          '/usr/bin/less',
          '/usr/bin/lessecho',
          '/usr/bin/lesskey',
          '/usr/bin/lesspipe',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/less',
          '/usr/bin/lessfile'),
 'libacl1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libacl1'),
 'libapparmor1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libapparmor1'),
 'libapr1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libapr1'),
 'libaprutil1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libaprutil1'),
 'libaprutil1-dbd-sqlite3': ('/.',
                             '/usr',
                             '/usr/share',
                             '/usr/share/doc',
                             '/usr/share/doc/libaprutil1-dbd-sqlite3'),
 'libaprutil1-ldap': ('/.',
                      '/usr',
                      '/usr/share',
                      '/usr/share/doc',
                      '/usr/share/doc/libaprutil1-ldap'),
 'libapt-pkg6.0': ('/.',
                   '/usr',
                   '/usr/share',
                   '/usr/share/doc',
                   '/usr/share/doc/libapt-pkg6.0'),
 'libargon2-1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libargon2-1'),
 'libatomic1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libatomic1'),
 'libattr1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libattr1'),
 'libaudit-common': ('/.',
                     '/usr',
                     '/usr/share',
                     '/usr/share/doc',
                     '/usr/share/doc/libaudit-common'),
 'libaudit1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libaudit1'),
 'libblkid1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libblkid1'),
 'libbpf1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libbpf1'),
 'libbrotli1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libbrotli1'),
 'libbsd0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libbsd0'),
 'libbz2-1.0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libbz2-1.0'),
 'libc-bin': ('/.',
              '/sbin',
              '/sbin/ldconfig',
              '/usr',
              '/usr/bin',
              '/usr/bin/getconf',
              '/usr/bin/getent',
              '/usr/bin/iconv',
              '/usr/bin/ldd',
              '/usr/bin/locale',
              '/usr/bin/localedef',
              '/usr/bin/pldd',
              '/usr/bin/tzselect',
              '/usr/bin/zdump',
              '/usr/sbin',
              '/usr/sbin/iconvconfig',
              '/usr/sbin/zic',
              '/usr/share',
              '/usr/share/doc',
              '/usr/share/doc/libc-bin',
              '/usr/bin/ld.so'),
 'libc-l10n': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libc-l10n'),
 'libc6': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libc6'),
 'libcap-ng0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libcap-ng0'),
 'libcap2': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libcap2'),
 'libcap2-bin': ('/.',
                 '/sbin',
                 '/sbin/capsh',
                 '/sbin/getcap',
                 '/sbin/getpcaps',
                 '/sbin/setcap',
                 '/usr',
                 '/usr/share',
                 '/usr/share/doc',
                 '/usr/share/doc/libcap2-bin'),
 'libcbor0.8': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libcbor0.8'),
 'libcom-err2': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libcom-err2'),
 'libcrypt1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libcrypt1'),
 'libcryptsetup12': ('/.',
                     '/usr',
                     '/usr/share',
                     '/usr/share/doc',
                     '/usr/share/doc/libcryptsetup12'),
 'libcurl4': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libcurl4'),
 'libdb5.3': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libdb5.3'),
 'libdbus-1-3': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libdbus-1-3'),
 'libdebconfclient0': ('/.',
                       '/usr',
                       '/usr/share',
                       '/usr/share/doc',
                       '/usr/share/doc/libdebconfclient0'),
 'libdevmapper1.02.1': ('/.',
                        '/usr',
                        '/usr/share',
                        '/usr/share/doc',
                        '/usr/share/doc/libdevmapper1.02.1'),
 'libedit2': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libedit2'),
 'libelf1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libelf1'),
 'libestr0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libestr0'),
 'libexpat1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libexpat1'),
 'libext2fs2': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libext2fs2'),
 'libfastjson4': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libfastjson4'),
 'libfdisk1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libfdisk1'),
 'libffi8': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libffi8'),
 'libfido2-1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libfido2-1'),
 'libfstrm0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libfstrm0'),
 'libgcc-s1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libgcc-s1'),
 'libgcrypt20': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libgcrypt20'),
 'libgdbm-compat4': ('/.',
                     '/usr',
                     '/usr/share',
                     '/usr/share/doc',
                     '/usr/share/doc/libgdbm-compat4'),
 'libgdbm6': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libgdbm6'),
 'libgmp10': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libgmp10'),
 'libgnutls30': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libgnutls30'),
 'libgpg-error0': ('/.',
                   '/usr',
                   '/usr/share',
                   '/usr/share/doc',
                   '/usr/share/doc/libgpg-error0'),
 'libgssapi-krb5-2': ('/.',
                      '/usr',
                      '/usr/share',
                      '/usr/share/doc',
                      '/usr/share/doc/libgssapi-krb5-2'),
 'libhogweed6': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libhogweed6'),
 'libicu72': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libicu72'),
 'libidn2-0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libidn2-0'),
 'libip4tc2': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libip4tc2'),
 'libjansson4': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libjansson4'),
 'libjemalloc2': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libjemalloc2'),
 'libjson-c5': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libjson-c5'),
 'libk5crypto3': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libk5crypto3'),
 'libkeyutils1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libkeyutils1'),
 'libklibc': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libklibc'),
 'libkmod2': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libkmod2'),
 'libkrb5-3': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libkrb5-3'),
 'libkrb5support0': ('/.',
                     '/usr',
                     '/usr/share',
                     '/usr/share/doc',
                     '/usr/share/doc/libkrb5support0'),
 'libldap-2.5-0': ('/.',
                   '/usr',
                   '/usr/share',
                   '/usr/share/doc',
                   '/usr/share/doc/libldap-2.5-0'),
 'liblmdb0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/liblmdb0'),
 'liblocale-gettext-perl': ('/.',
                            '/usr',
                            '/usr/share',
                            '/usr/share/doc',
                            '/usr/share/doc/liblocale-gettext-perl'),
 'liblognorm5': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/liblognorm5'),
 'liblua5.3-0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/liblua5.3-0'),
 'liblz4-1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/liblz4-1'),
 'liblzf1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/liblzf1'),
 'liblzma5': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/liblzma5'),
 'libmagic-mgc': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libmagic-mgc'),
 'libmagic1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libmagic1'),
 'libmaxminddb0': ('/.',
                   '/usr',
                   '/usr/share',
                   '/usr/share/doc',
                   '/usr/share/doc/libmaxminddb0'),
 'libmd0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libmd0'),
 'libmnl0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libmnl0'),
 'libmount1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libmount1'),
 'libncursesw6': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libncursesw6'),
 'libnettle8': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libnettle8'),
 'libnftables1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libnftables1'),
 'libnftnl11': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libnftnl11'),
 'libnghttp2-14': ('/.',
                   '/usr',
                   '/usr/share',
                   '/usr/share/doc',
                   '/usr/share/doc/libnghttp2-14'),
 'libnsl2': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libnsl2'),
 'libnss-systemd': ('/.',
                    '/usr',
                    '/usr/share',
                    '/usr/share/doc',
                    '/usr/share/doc/libnss-systemd'),
 'libp11-kit0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libp11-kit0'),
 'libpam-modules': ('/.',
                    '/usr',
                    '/usr/share',
                    '/usr/share/doc',
                    '/usr/share/doc/libpam-modules'),
 'libpam-modules-bin': ('/.',
                        '/sbin',
                        '/sbin/mkhomedir_helper',
                        '/sbin/pam_namespace_helper',
                        '/sbin/pwhistory_helper',
                        '/sbin/unix_chkpwd',
                        '/sbin/unix_update',
                        '/usr',
                        '/usr/lib',
                        '/usr/lib/systemd',
                        '/usr/lib/systemd/system',
                        '/usr/lib/systemd/system/pam_namespace.service',
                        '/usr/sbin',
                        '/usr/sbin/faillock',
                        '/usr/sbin/pam_timestamp_check',
                        '/usr/share',
                        '/usr/share/doc',
                        '/usr/share/doc/libpam-modules-bin'),
 'libpam-runtime': ('/.',
                    '/usr',
                    '/usr/sbin',
                    '/usr/sbin/pam-auth-update',
                    '/usr/sbin/pam_getenv',
                    '/usr/share',
                    '/usr/share/doc',
                    '/usr/share/doc/libpam-runtime'),
 'libpam-systemd': ('/.',
                    '/usr',
                    '/usr/share',
                    '/usr/share/doc',
                    '/usr/share/doc/libpam-systemd'),
 'libpam0g': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libpam0g'),
 'libpcre2-8-0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libpcre2-8-0'),
 'libperl5.36': ('/.',
                 '/usr',
                 '/usr/bin',
                 '/usr/bin/cpan5.36-x86_64-linux-gnu',
                 '/usr/bin/perl5.36-x86_64-linux-gnu',
                 '/usr/share',
                 '/usr/share/doc',
                 '/usr/share/doc/libperl5.36'),
 'libpipeline1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libpipeline1'),
 'libproc2-0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libproc2-0'),
 'libprotobuf-c1': ('/.',
                    '/usr',
                    '/usr/share',
                    '/usr/share/doc',
                    '/usr/share/doc/libprotobuf-c1'),
 'libpsl5': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libpsl5'),
 'libpython3-stdlib': ('/.',
                       '/usr',
                       '/usr/share',
                       '/usr/share/doc',
                       '/usr/share/doc/libpython3-stdlib'),
 'libpython3.11-minimal': ('/.',
                           '/usr',
                           '/usr/share',
                           '/usr/share/doc',
                           '/usr/share/doc/libpython3.11-minimal'),
 'libpython3.11-stdlib': ('/.',
                          '/usr',
                          '/usr/share',
                          '/usr/share/doc',
                          '/usr/share/doc/libpython3.11-stdlib'),
 'libreadline8': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libreadline8'),
 'librtmp1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/librtmp1'),
 'libsasl2-2': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libsasl2-2'),
 'libsasl2-modules-db': ('/.',
                         '/usr',
                         '/usr/share',
                         '/usr/share/doc',
                         '/usr/share/doc/libsasl2-modules-db'),
 'libseccomp2': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libseccomp2'),
 'libselinux1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libselinux1'),
 'libsemanage-common': ('/.',
                        '/usr',
                        '/usr/share',
                        '/usr/share/doc',
                        '/usr/share/doc/libsemanage-common'),
 'libsemanage2': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libsemanage2'),
 'libsepol2': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libsepol2'),
 'libsmartcols1': ('/.',
                   '/usr',
                   '/usr/share',
                   '/usr/share/doc',
                   '/usr/share/doc/libsmartcols1'),
 'libsqlite3-0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libsqlite3-0'),
 'libss2': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libss2'),
 'libssh2-1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libssh2-1'),
 'libssl3': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libssl3'),
 'libstdc++6': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libstdc++6'),
 'libsystemd-shared': ('/.',
                       '/usr',
                       '/usr/share',
                       '/usr/share/doc',
                       '/usr/share/doc/libsystemd-shared'),
 'libsystemd0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libsystemd0'),
 'libtasn1-6': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libtasn1-6'),
 'libtinfo6': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libtinfo6'),
 'libtirpc-common': ('/.',
                     '/usr',
                     '/usr/share',
                     '/usr/share/doc',
                     '/usr/share/doc/libtirpc-common'),
 'libtirpc3': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libtirpc3'),
 'libtomcrypt1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libtomcrypt1'),
 'libtommath1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libtommath1'),
 'libuchardet0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libuchardet0'),
 'libudev1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libudev1'),
 'libunistring2': ('/.',
                   '/usr',
                   '/usr/share',
                   '/usr/share/doc',
                   '/usr/share/doc/libunistring2'),
 'libuuid1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libuuid1'),
 'libuv1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libuv1'),
 'libxml2': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libxml2'),
 'libxtables12': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libxtables12'),
 'libxxhash0': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libxxhash0'),
 'libzstd1': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/libzstd1'),
 'linux-base': ('/.',
                '/usr',
                '/usr/bin',
                '/usr/bin/linux-check-removal',
                '/usr/bin/linux-run-hooks',
                '/usr/bin/linux-update-symlinks',
                '/usr/bin/linux-version',
                '/usr/share',
                '/usr/share/doc',
                '/usr/share/doc/linux-base'),
 'linux-image-6.1.0-28-amd64': ('/.',
                                '/boot',
                                '/boot/System.map-6.1.0-28-amd64',
                                '/boot/config-6.1.0-28-amd64',
                                '/boot/vmlinuz-6.1.0-28-amd64',
                                '/lib',
                                '/lib/modules',
                                '/lib/modules/6.1.0-28-amd64',
                                '/usr',
                                '/usr/share',
                                '/usr/share/doc',
                                '/usr/share/doc/linux-image-6.1.0-28-amd64'),
 'linux-image-amd64': ('/.',
                       '/usr',
                       '/usr/share',
                       '/usr/share/doc',
                       '/usr/share/doc/linux-image-amd64'),
 'locales': ('/.',
             '/usr',
             '/usr/sbin',
             '/usr/sbin/locale-gen',
             '/usr/sbin/update-locale',
             '/usr/sbin/validlocale',
             '/usr/share',
             '/usr/share/doc',
             '/usr/share/doc/locales'),
 'login': ('/.',
           '/bin',
           '/bin/login',
           '/usr',
           '/usr/bin',
           '/usr/bin/faillog',
           '/usr/bin/lastlog',
           '/usr/bin/newgrp',
           '/usr/sbin',
           '/usr/sbin/nologin',
           '/usr/share',
           '/usr/share/doc',
           '/usr/share/doc/login',
           '/usr/bin/sg'),
 'logsave': ('/.',
             '/sbin',
             '/sbin/logsave',
             '/usr',
             '/usr/share',
             '/usr/share/doc',
             '/usr/share/doc/logsave'),
 'lsb-release': ('/.',
                 '/usr',
                 '/usr/bin',
                 '/usr/bin/lsb_release',
                 '/usr/share',
                 '/usr/share/doc',
                 '/usr/share/doc/lsb-release'),
 'lsof': ('/.',
          '/usr',
          '/usr/bin',
          '/usr/bin/lsof',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/lsof'),
 'man-db': ('/.',
            '/lib',
            '/lib/systemd',
            '/lib/systemd/system',
            '/lib/systemd/system/man-db.service',
            '/usr',
            '/usr/bin',
            '/usr/bin/catman',
            '/usr/bin/lexgrog',
            '/usr/bin/man',
            '/usr/bin/man-recode',
            '/usr/bin/mandb',
            '/usr/bin/manpath',
            '/usr/bin/whatis',
            '/usr/sbin',
            '/usr/sbin/accessdb',
            '/usr/share',
            '/usr/share/doc',
            '/usr/share/doc/man-db',
            '/usr/bin/apropos'),
 'manpages': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/manpages'),
 'mawk': ('/.',
          '/usr',
          '/usr/bin',
          '/usr/bin/mawk',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/mawk'),
 'media-types': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/media-types'),
 'mount': ('/.',
           '/bin',
           '/bin/mount',
           '/bin/umount',
           '/sbin',
           '/sbin/losetup',
           '/sbin/swapoff',
           '/sbin/swapon',
           '/usr',
           '/usr/share',
           '/usr/share/doc',
           '/usr/share/doc/mount'),
 'ncurses-base': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/ncurses-base'),
 'ncurses-bin': ('/.',
                 '/usr',
                 '/usr/bin',
                 '/usr/bin/clear',
                 '/usr/bin/infocmp',
                 '/usr/bin/tabs',
                 '/usr/bin/tic',
                 '/usr/bin/toe',
                 '/usr/bin/tput',
                 '/usr/bin/tset',
                 '/usr/share',
                 '/usr/share/doc',
                 '/usr/share/doc/ncurses-bin',
                 '/usr/bin/captoinfo',
                 '/usr/bin/infotocap',
                 '/usr/bin/reset'),
 'net-tools': ('/.',
               '/bin',
               '/bin/netstat',
               '/sbin',
               '/sbin/ifconfig',
               '/sbin/ipmaddr',
               '/sbin/iptunnel',
               '/sbin/mii-tool',
               '/sbin/nameif',
               '/sbin/plipconfig',
               '/sbin/rarp',
               '/sbin/route',
               '/sbin/slattach',
               '/usr',
               '/usr/sbin',
               '/usr/sbin/arp',
               '/usr/share',
               '/usr/share/doc',
               '/usr/share/doc/net-tools'),
 'netbase': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/netbase'),
 'netcat-openbsd': ('/.',
                    '/bin',
                    '/bin/nc.openbsd',
                    '/usr',
                    '/usr/share',
                    '/usr/share/doc',
                    '/usr/share/doc/netcat-openbsd',
                    '/usr/share/doc/netcat-openbsd/NEWS.Debian.gz',
                    '/usr/share/doc/netcat-openbsd/README.Debian',
                    '/usr/share/doc/netcat-openbsd/changelog.Debian.gz',
                    '/usr/share/doc/netcat-openbsd/copyright',
                    '/usr/share/doc/netcat-openbsd/examples',
                    '/usr/share/doc/netcat-openbsd/examples/README',
                    '/usr/share/doc/netcat-openbsd/examples/alta',
                    '/usr/share/doc/netcat-openbsd/examples/bsh',
                    '/usr/share/doc/netcat-openbsd/examples/contrib',
                    '/usr/share/doc/netcat-openbsd/examples/contrib/ncmeter',
                    '/usr/share/doc/netcat-openbsd/examples/dist.sh',
                    '/usr/share/doc/netcat-openbsd/examples/irc',
                    '/usr/share/doc/netcat-openbsd/examples/iscan',
                    '/usr/share/doc/netcat-openbsd/examples/ncp',
                    '/usr/share/doc/netcat-openbsd/examples/probe',
                    '/usr/share/doc/netcat-openbsd/examples/web',
                    '/usr/share/doc/netcat-openbsd/examples/webproxy',
                    '/usr/share/doc/netcat-openbsd/examples/webrelay',
                    '/usr/share/doc/netcat-openbsd/examples/websearch',
                    '/usr/share/man',
                    '/usr/share/man/man1',
                    '/usr/share/man/man1/nc_openbsd.1.gz',
                    '/usr/share/man/man1/nc.openbsd.1.gz'),
 'nftables': ('/.',
              '/lib',
              '/lib/systemd',
              '/lib/systemd/system',
              '/lib/systemd/system/nftables.service',
              '/usr',
              '/usr/sbin',
              '/usr/sbin/nft',
              '/usr/share',
              '/usr/share/doc',
              '/usr/share/doc/nftables'),
 'openssh-client': ('/.',
                    '/etc',
                    '/etc/ssh',
                    '/etc/ssh/ssh_config',
                    '/etc/ssh/ssh_config.d',
                    '/usr',
                    '/usr/bin',
                    '/usr/bin/scp',
                    '/usr/bin/sftp',
                    '/usr/bin/ssh',
                    '/usr/bin/ssh-add',
                    '/usr/bin/ssh-agent',
                    '/usr/bin/ssh-argv0',
                    '/usr/bin/ssh-copy-id',
                    '/usr/bin/ssh-keygen',
                    '/usr/bin/ssh-keyscan',
                    '/usr/lib',
                    '/usr/lib/openssh',
                    '/usr/lib/openssh/agent-launch',
                    '/usr/lib/openssh/ssh-keysign',
                    '/usr/lib/openssh/ssh-pkcs11-helper',
                    '/usr/lib/openssh/ssh-sk-helper',
                    '/usr/lib/systemd',
                    '/usr/lib/systemd/user',
                    '/usr/lib/systemd/user/graphical-session-pre.target.wants',
                    '/usr/lib/systemd/user/ssh-agent.service',
                    '/usr/share',
                    '/usr/share/apport',
                    '/usr/share/apport/package-hooks',
                    '/usr/share/apport/package-hooks/openssh-client.py',
                    '/usr/share/doc',
                    '/usr/share/doc/openssh-client',
                    '/usr/share/doc/openssh-client/NEWS.Debian.gz',
                    '/usr/share/doc/openssh-client/OVERVIEW.gz',
                    '/usr/share/doc/openssh-client/README',
                    '/usr/share/doc/openssh-client/README.Debian.gz',
                    '/usr/share/doc/openssh-client/README.dns',
                    '/usr/share/doc/openssh-client/README.tun.gz',
                    '/usr/share/doc/openssh-client/changelog.Debian.gz',
                    '/usr/share/doc/openssh-client/changelog.gz',
                    '/usr/share/doc/openssh-client/copyright',
                    '/usr/share/lintian',
                    '/usr/share/lintian/overrides',
                    '/usr/share/lintian/overrides/openssh-client',
                    '/usr/share/man',
                    '/usr/share/man/man1',
                    '/usr/share/man/man1/scp.1.gz',
                    '/usr/share/man/man1/sftp.1.gz',
                    '/usr/share/man/man1/ssh-add.1.gz',
                    '/usr/share/man/man1/ssh-agent.1.gz',
                    '/usr/share/man/man1/ssh-argv0.1.gz',
                    '/usr/share/man/man1/ssh-copy-id.1.gz',
                    '/usr/share/man/man1/ssh-keygen.1.gz',
                    '/usr/share/man/man1/ssh-keyscan.1.gz',
                    '/usr/share/man/man1/ssh.1.gz',
                    '/usr/share/man/man5',
                    '/usr/share/man/man5/ssh_config.5.gz',
                    '/usr/share/man/man8',
                    '/usr/share/man/man8/ssh-keysign.8.gz',
                    '/usr/share/man/man8/ssh-pkcs11-helper.8.gz',
                    '/usr/share/man/man8/ssh-sk-helper.8.gz',
                    '/usr/bin/slogin',
                    '/usr/lib/systemd/user/graphical-session-pre.target.wants/ssh-agent.service',
                    '/usr/share/man/man1/slogin.1.gz'),
 'openssl': ('/.',
             '/usr',
             '/usr/bin',
             '/usr/bin/c_rehash',
             '/usr/bin/openssl',
             '/usr/share',
             '/usr/share/doc',
             '/usr/share/doc/openssl'),
 'passwd': ('/.',
            '/sbin',
            '/sbin/shadowconfig',
            '/usr',
            '/usr/bin',
            '/usr/bin/chage',
            '/usr/bin/chfn',
            '/usr/bin/chsh',
            '/usr/bin/expiry',
            '/usr/bin/gpasswd',
            '/usr/bin/passwd',
            '/usr/sbin',
            '/usr/sbin/chgpasswd',
            '/usr/sbin/chpasswd',
            '/usr/sbin/cppw',
            '/usr/sbin/groupadd',
            '/usr/sbin/groupdel',
            '/usr/sbin/groupmems',
            '/usr/sbin/groupmod',
            '/usr/sbin/grpck',
            '/usr/sbin/grpconv',
            '/usr/sbin/grpunconv',
            '/usr/sbin/newusers',
            '/usr/sbin/pwck',
            '/usr/sbin/pwconv',
            '/usr/sbin/pwunconv',
            '/usr/sbin/useradd',
            '/usr/sbin/userdel',
            '/usr/sbin/usermod',
            '/usr/sbin/vipw',
            '/usr/share',
            '/usr/share/doc',
            '/usr/share/doc/passwd',
            '/usr/sbin/cpgr',
            '/usr/sbin/vigr'),
 'perl': ('/.',
          '/usr',
          '/usr/bin',
          '/usr/bin/corelist',
          '/usr/bin/cpan',
          '/usr/bin/enc2xs',
          '/usr/bin/encguess',
          '/usr/bin/h2ph',
          '/usr/bin/h2xs',
          '/usr/bin/instmodsh',
          '/usr/bin/json_pp',
          '/usr/bin/libnetcfg',
          '/usr/bin/perlbug',
          '/usr/bin/perldoc',
          '/usr/bin/perlivp',
          '/usr/bin/perlthanks',
          '/usr/bin/piconv',
          '/usr/bin/pl2pm',
          '/usr/bin/pod2html',
          '/usr/bin/pod2man',
          '/usr/bin/pod2text',
          '/usr/bin/pod2usage',
          '/usr/bin/podchecker',
          '/usr/bin/prove',
          '/usr/bin/ptar',
          '/usr/bin/ptardiff',
          '/usr/bin/ptargrep',
          '/usr/bin/shasum',
          '/usr/bin/splain',
          '/usr/bin/streamzip',
          '/usr/bin/xsubpp',
          '/usr/bin/zipdetails',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/perl'),
 'perl-base': ('/.',
               '/usr',
               '/usr/bin',
               '/usr/bin/perl',
               '/usr/bin/perl5.36.0',
               '/usr/share',
               '/usr/share/doc',
               '/usr/share/doc/perl-base'),
 'perl-modules-5.36': ('/.',
                       '/usr',
                       '/usr/share',
                       '/usr/share/doc',
                       '/usr/share/doc/perl-modules-5.36'),
 'procps': ('/.',
            '/bin',
            '/bin/kill',
            '/bin/ps',
            '/sbin',
            '/sbin/sysctl',
            '/usr',
            '/usr/bin',
            '/usr/bin/free',
            '/usr/bin/pgrep',
            '/usr/bin/pidwait',
            '/usr/bin/pmap',
            '/usr/bin/pwdx',
            '/usr/bin/skill',
            '/usr/bin/slabtop',
            '/usr/bin/tload',
            '/usr/bin/top',
            '/usr/bin/uptime',
            '/usr/bin/vmstat',
            '/usr/bin/w',
            '/usr/bin/watch',
            '/usr/share',
            '/usr/share/doc',
            '/usr/share/doc/procps',
            '/usr/bin/pkill',
            '/usr/bin/snice'),
 'psmisc': ('/.',
            '/bin',
            '/bin/fuser',
            '/usr',
            '/usr/bin',
            '/usr/bin/killall',
            '/usr/bin/peekfd',
            '/usr/bin/prtstat',
            '/usr/bin/pslog',
            '/usr/bin/pstree',
            '/usr/share',
            '/usr/share/doc',
            '/usr/share/doc/psmisc',
            '/usr/bin/pstree.x11'),
 'python3': ('/.',
             '/usr',
             '/usr/bin',
             '/usr/share',
             '/usr/share/doc',
             '/usr/share/doc/python3',
             '/usr/bin/pdb3',
             '/usr/bin/pydoc3',
             '/usr/bin/pygettext3'),
 'python3-minimal': ('/.',
                     '/usr',
                     '/usr/bin',
                     '/usr/bin/py3clean',
                     '/usr/bin/py3compile',
                     '/usr/share',
                     '/usr/share/doc',
                     '/usr/share/doc/python3-minimal',
                     '/usr/bin/py3versions',
                     '/usr/bin/python3'),
 'python3.11': ('/.',
                '/usr',
                '/usr/bin',
                '/usr/bin/pydoc3.11',
                '/usr/bin/pygettext3.11',
                '/usr/share',
                '/usr/share/doc',
                '/usr/share/doc/python3.11',
                '/usr/bin/pdb3.11'),
 'python3.11-minimal': ('/.',
                        '/usr',
                        '/usr/bin',
                        '/usr/bin/python3.11',
                        '/usr/share',
                        '/usr/share/doc',
                        '/usr/share/doc/python3.11-minimal'),
 'readline-common': ('/.',
                     '/usr',
                     '/usr/share',
                     '/usr/share/doc',
                     '/usr/share/doc/readline-common'),
 'redis-server': ('/.',
                  '/lib',
                  '/lib/systemd',
                  '/lib/systemd/system',
                  '/lib/systemd/system/redis-server.service',
                  '/lib/systemd/system/redis-server@.service',
                  '/usr',
                  '/usr/bin',
                  '/usr/share',
                  '/usr/share/doc',
                  '/usr/share/doc/redis-server',
                  '/usr/bin/redis-server'),
 'redis-tools': ('/.',
                 '/usr',
                 '/usr/bin',
                 '/usr/bin/redis-benchmark',
                 '/usr/bin/redis-check-aof',
                 '/usr/bin/redis-check-rdb',
                 '/usr/bin/redis-cli',
                 '/usr/share',
                 '/usr/share/doc',
                 '/usr/share/doc/redis-tools'),
 'rsyslog': ('/.',
             '/lib',
             '/lib/systemd',
             '/lib/systemd/system',
             '/lib/systemd/system/rsyslog.service',
             '/usr',
             '/usr/sbin',
             '/usr/sbin/rsyslogd',
             '/usr/share',
             '/usr/share/doc',
             '/usr/share/doc/rsyslog'),
 'sed': ('/.',
         '/bin',
         '/bin/sed',
         '/usr',
         '/usr/share',
         '/usr/share/doc',
         '/usr/share/doc/sed'),
 'sensible-utils': ('/.',
                    '/usr',
                    '/usr/bin',
                    '/usr/bin/select-editor',
                    '/usr/bin/sensible-browser',
                    '/usr/bin/sensible-editor',
                    '/usr/bin/sensible-pager',
                    '/usr/share',
                    '/usr/share/doc',
                    '/usr/share/doc/sensible-utils'),
 'sudo': ('/.',
          '/etc',
          '/etc/init.d',
          '/etc/init.d/sudo',
          '/etc/pam.d',
          '/etc/pam.d/sudo',
          '/etc/pam.d/sudo-i',
          '/etc/sudo.conf',
          '/etc/sudo_logsrvd.conf',
          '/etc/sudoers',
          '/etc/sudoers.d',
          '/etc/sudoers.d/README',
          '/lib',
          '/lib/systemd',
          '/lib/systemd/system',
          '/usr',
          '/usr/bin',
          '/usr/bin/cvtsudoers',
          '/usr/bin/sudo',
          '/usr/bin/sudoreplay',
          '/usr/include',
          '/usr/include/sudo_plugin.h',
          '/usr/lib',
          '/usr/lib/tmpfiles.d',
          '/usr/lib/tmpfiles.d/sudo.conf',
          '/usr/libexec',
          '/usr/libexec/sudo',
          '/usr/libexec/sudo/audit_json.so',
          '/usr/libexec/sudo/group_file.so',
          '/usr/libexec/sudo/libsudo_util.so.0.0.0',
          '/usr/libexec/sudo/sesh',
          '/usr/libexec/sudo/sudo_intercept.so',
          '/usr/libexec/sudo/sudo_noexec.so',
          '/usr/libexec/sudo/sudoers.so',
          '/usr/libexec/sudo/system_group.so',
          '/usr/sbin',
          '/usr/sbin/sudo_logsrvd',
          '/usr/sbin/sudo_sendlog',
          '/usr/sbin/visudo',
          '/usr/share',
          '/usr/share/apport',
          '/usr/share/apport/package-hooks',
          '/usr/share/apport/package-hooks/source_sudo.py',
          '/usr/share/doc',
          '/usr/share/doc/sudo',
          '/usr/share/doc/sudo/CONTRIBUTING.md',
          '/usr/share/doc/sudo/CONTRIBUTORS.md.gz',
          '/usr/share/doc/sudo/HISTORY.md',
          '/usr/share/doc/sudo/NEWS.Debian.gz',
          '/usr/share/doc/sudo/NEWS.gz',
          '/usr/share/doc/sudo/OPTIONS',
          '/usr/share/doc/sudo/README.Debian',
          '/usr/share/doc/sudo/README.md',
          '/usr/share/doc/sudo/SECURITY.md',
          '/usr/share/doc/sudo/TROUBLESHOOTING.md.gz',
          '/usr/share/doc/sudo/UPGRADE.md.gz',
          '/usr/share/doc/sudo/changelog.Debian.gz',
          '/usr/share/doc/sudo/changelog.gz',
          '/usr/share/doc/sudo/copyright',
          '/usr/share/doc/sudo/examples',
          '/usr/share/doc/sudo/examples/cvtsudoers.conf',
          '/usr/share/doc/sudo/examples/pam.conf',
          '/usr/share/doc/sudo/examples/sudo.conf',
          '/usr/share/doc/sudo/examples/sudo_logsrvd.conf',
          '/usr/share/doc/sudo/examples/sudoers',
          '/usr/share/doc/sudo/examples/sudoers.dist',
          '/usr/share/doc/sudo/examples/syslog.conf',
          '/usr/share/lintian',
          '/usr/share/lintian/overrides',
          '/usr/share/lintian/overrides/sudo',
          '/usr/share/locale',
          '/usr/share/locale/ast',
          '/usr/share/locale/ast/LC_MESSAGES',
          '/usr/share/locale/ast/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/ast/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/ca',
          '/usr/share/locale/ca/LC_MESSAGES',
          '/usr/share/locale/ca/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/ca/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/cs',
          '/usr/share/locale/cs/LC_MESSAGES',
          '/usr/share/locale/cs/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/cs/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/da',
          '/usr/share/locale/da/LC_MESSAGES',
          '/usr/share/locale/da/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/da/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/de',
          '/usr/share/locale/de/LC_MESSAGES',
          '/usr/share/locale/de/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/de/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/el',
          '/usr/share/locale/el/LC_MESSAGES',
          '/usr/share/locale/el/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/eo',
          '/usr/share/locale/eo/LC_MESSAGES',
          '/usr/share/locale/eo/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/eo/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/es',
          '/usr/share/locale/es/LC_MESSAGES',
          '/usr/share/locale/es/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/es/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/eu',
          '/usr/share/locale/eu/LC_MESSAGES',
          '/usr/share/locale/eu/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/eu/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/fa',
          '/usr/share/locale/fa/LC_MESSAGES',
          '/usr/share/locale/fa/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/fi',
          '/usr/share/locale/fi/LC_MESSAGES',
          '/usr/share/locale/fi/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/fi/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/fr',
          '/usr/share/locale/fr/LC_MESSAGES',
          '/usr/share/locale/fr/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/fr/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/fur',
          '/usr/share/locale/fur/LC_MESSAGES',
          '/usr/share/locale/fur/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/fur/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/gl',
          '/usr/share/locale/gl/LC_MESSAGES',
          '/usr/share/locale/gl/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/hr',
          '/usr/share/locale/hr/LC_MESSAGES',
          '/usr/share/locale/hr/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/hr/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/hu',
          '/usr/share/locale/hu/LC_MESSAGES',
          '/usr/share/locale/hu/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/hu/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/it',
          '/usr/share/locale/it/LC_MESSAGES',
          '/usr/share/locale/it/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/it/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/ja',
          '/usr/share/locale/ja/LC_MESSAGES',
          '/usr/share/locale/ja/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/ja/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/ka',
          '/usr/share/locale/ka/LC_MESSAGES',
          '/usr/share/locale/ka/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/ka/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/ko',
          '/usr/share/locale/ko/LC_MESSAGES',
          '/usr/share/locale/ko/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/ko/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/lt',
          '/usr/share/locale/lt/LC_MESSAGES',
          '/usr/share/locale/lt/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/nb',
          '/usr/share/locale/nb/LC_MESSAGES',
          '/usr/share/locale/nb/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/nb/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/nl',
          '/usr/share/locale/nl/LC_MESSAGES',
          '/usr/share/locale/nl/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/nl/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/nn',
          '/usr/share/locale/nn/LC_MESSAGES',
          '/usr/share/locale/nn/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/pl',
          '/usr/share/locale/pl/LC_MESSAGES',
          '/usr/share/locale/pl/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/pl/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/pt',
          '/usr/share/locale/pt/LC_MESSAGES',
          '/usr/share/locale/pt/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/pt/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/pt_BR',
          '/usr/share/locale/pt_BR/LC_MESSAGES',
          '/usr/share/locale/pt_BR/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/pt_BR/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/ro',
          '/usr/share/locale/ro/LC_MESSAGES',
          '/usr/share/locale/ro/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/ro/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/ru',
          '/usr/share/locale/ru/LC_MESSAGES',
          '/usr/share/locale/ru/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/ru/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/sk',
          '/usr/share/locale/sk/LC_MESSAGES',
          '/usr/share/locale/sk/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/sk/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/sl',
          '/usr/share/locale/sl/LC_MESSAGES',
          '/usr/share/locale/sl/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/sl/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/sq',
          '/usr/share/locale/sq/LC_MESSAGES',
          '/usr/share/locale/sq/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/sr',
          '/usr/share/locale/sr/LC_MESSAGES',
          '/usr/share/locale/sr/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/sr/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/sv',
          '/usr/share/locale/sv/LC_MESSAGES',
          '/usr/share/locale/sv/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/sv/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/tr',
          '/usr/share/locale/tr/LC_MESSAGES',
          '/usr/share/locale/tr/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/tr/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/uk',
          '/usr/share/locale/uk/LC_MESSAGES',
          '/usr/share/locale/uk/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/uk/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/vi',
          '/usr/share/locale/vi/LC_MESSAGES',
          '/usr/share/locale/vi/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/vi/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/zh_CN',
          '/usr/share/locale/zh_CN/LC_MESSAGES',
          '/usr/share/locale/zh_CN/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/zh_CN/LC_MESSAGES/sudoers.mo',
          '/usr/share/locale/zh_TW',
          '/usr/share/locale/zh_TW/LC_MESSAGES',
          '/usr/share/locale/zh_TW/LC_MESSAGES/sudo.mo',
          '/usr/share/locale/zh_TW/LC_MESSAGES/sudoers.mo',
          '/usr/share/man',
          '/usr/share/man/man1',
          '/usr/share/man/man1/cvtsudoers.1.gz',
          '/usr/share/man/man5',
          '/usr/share/man/man5/sudo.conf.5.gz',
          '/usr/share/man/man5/sudo_logsrv.proto.5.gz',
          '/usr/share/man/man5/sudo_logsrvd.conf.5.gz',
          '/usr/share/man/man5/sudo_plugin.5.gz',
          '/usr/share/man/man5/sudoers.5.gz',
          '/usr/share/man/man5/sudoers_timestamp.5.gz',
          '/usr/share/man/man8',
          '/usr/share/man/man8/sudo.8.gz',
          '/usr/share/man/man8/sudo_logsrvd.8.gz',
          '/usr/share/man/man8/sudo_sendlog.8.gz',
          '/usr/share/man/man8/sudoreplay.8.gz',
          '/usr/share/man/man8/visudo.8.gz',
          '/var',
          '/var/lib',
          '/var/lib/sudo',
          '/var/lib/sudo/lectured',
          '/lib/systemd/system/sudo.service',
          '/usr/bin/sudoedit',
          '/usr/libexec/sudo/libsudo_util.so',
          '/usr/libexec/sudo/libsudo_util.so.0',
          '/usr/share/man/man8/sudoedit.8.gz'),
 'systemd': ('/.',
             '/bin',
             '/bin/journalctl',
             '/bin/loginctl',
             '/bin/networkctl',
             '/bin/systemctl',
             '/bin/systemd-ask-password',
             '/bin/systemd-creds',
             '/bin/systemd-escape',
             '/bin/systemd-firstboot',
             '/bin/systemd-inhibit',
             '/bin/systemd-machine-id-setup',
             '/bin/systemd-notify',
             '/bin/systemd-repart',
             '/bin/systemd-sysext',
             '/bin/systemd-sysusers',
             '/bin/systemd-tmpfiles',
             '/bin/systemd-tty-ask-password-agent',
             '/lib',
             '/lib/systemd',
             '/lib/systemd/system',
             '/lib/systemd/system/console-getty.service',
             '/lib/systemd/system/container-getty@.service',
             '/lib/systemd/system/debug-shell.service',
             '/lib/systemd/system/emergency.service',
             '/lib/systemd/system/getty-static.service',
             '/lib/systemd/system/getty.target.wants',
             '/lib/systemd/system/getty@.service',
             '/lib/systemd/system/graphical.target.wants',
             '/lib/systemd/system/initrd-cleanup.service',
             '/lib/systemd/system/initrd-parse-etc.service',
             '/lib/systemd/system/initrd-root-fs.target.wants',
             '/lib/systemd/system/initrd-switch-root.service',
             '/lib/systemd/system/initrd-udevadm-cleanup-db.service',
             '/lib/systemd/system/initrd.target.wants',
             '/lib/systemd/system/kmod-static-nodes.service',
             '/lib/systemd/system/modprobe@.service',
             '/lib/systemd/system/multi-user.target.wants',
             '/lib/systemd/system/quotaon.service',
             '/lib/systemd/system/rc-local.service',
             '/lib/systemd/system/rescue.service',
             '/lib/systemd/system/rescue.target.wants',
             '/lib/systemd/system/serial-getty@.service',
             '/lib/systemd/system/sysinit.target.wants',
             '/lib/systemd/system/system-update-cleanup.service',
             '/lib/systemd/system/systemd-ask-password-console.service',
             '/lib/systemd/system/systemd-ask-password-wall.service',
             '/lib/systemd/system/systemd-backlight@.service',
             '/lib/systemd/system/systemd-binfmt.service',
             '/lib/systemd/system/systemd-boot-check-no-failures.service',
             '/lib/systemd/system/systemd-exit.service',
             '/lib/systemd/system/systemd-firstboot.service',
             '/lib/systemd/system/systemd-fsck-root.service',
             '/lib/systemd/system/systemd-fsck@.service',
             '/lib/systemd/system/systemd-fsckd.service',
             '/lib/systemd/system/systemd-halt.service',
             '/lib/systemd/system/systemd-hibernate-resume@.service',
             '/lib/systemd/system/systemd-hibernate.service',
             '/lib/systemd/system/systemd-hostnamed.service',
             '/lib/systemd/system/systemd-hybrid-sleep.service',
             '/lib/systemd/system/systemd-initctl.service',
             '/lib/systemd/system/systemd-journal-flush.service',
             '/lib/systemd/system/systemd-journald.service',
             '/lib/systemd/system/systemd-journald@.service',
             '/lib/systemd/system/systemd-kexec.service',
             '/lib/systemd/system/systemd-localed.service',
             '/lib/systemd/system/systemd-logind.service',
             '/lib/systemd/system/systemd-machine-id-commit.service',
             '/lib/systemd/system/systemd-modules-load.service',
             '/lib/systemd/system/systemd-network-generator.service',
             '/lib/systemd/system/systemd-networkd-wait-online.service',
             '/lib/systemd/system/systemd-networkd-wait-online@.service',
             '/lib/systemd/system/systemd-networkd.service',
             '/lib/systemd/system/systemd-pcrphase-initrd.service',
             '/lib/systemd/system/systemd-pcrphase-sysinit.service',
             '/lib/systemd/system/systemd-pcrphase.service',
             '/lib/systemd/system/systemd-poweroff.service',
             '/lib/systemd/system/systemd-pstore.service',
             '/lib/systemd/system/systemd-quotacheck.service',
             '/lib/systemd/system/systemd-random-seed.service',
             '/lib/systemd/system/systemd-reboot.service',
             '/lib/systemd/system/systemd-remount-fs.service',
             '/lib/systemd/system/systemd-repart.service',
             '/lib/systemd/system/systemd-rfkill.service',
             '/lib/systemd/system/systemd-suspend-then-hibernate.service',
             '/lib/systemd/system/systemd-suspend.service',
             '/lib/systemd/system/systemd-sysctl.service',
             '/lib/systemd/system/systemd-sysext.service',
             '/lib/systemd/system/systemd-sysusers.service',
             '/lib/systemd/system/systemd-time-wait-sync.service',
             '/lib/systemd/system/systemd-timedated.service',
             '/lib/systemd/system/systemd-tmpfiles-clean.service',
             '/lib/systemd/system/systemd-tmpfiles-setup-dev.service',
             '/lib/systemd/system/systemd-tmpfiles-setup.service',
             '/lib/systemd/system/systemd-update-utmp-runlevel.service',
             '/lib/systemd/system/systemd-update-utmp.service',
             '/lib/systemd/system/systemd-user-sessions.service',
             '/lib/systemd/system/systemd-volatile-root.service',
             '/lib/systemd/system/user-runtime-dir@.service',
             '/lib/systemd/system/user@.service',
             '/usr',
             '/usr/bin',
             '/usr/bin/busctl',
             '/usr/bin/hostnamectl',
             '/usr/bin/kernel-install',
             '/usr/bin/localectl',
             '/usr/bin/systemd-analyze',
             '/usr/bin/systemd-cat',
             '/usr/bin/systemd-cgls',
             '/usr/bin/systemd-cgtop',
             '/usr/bin/systemd-cryptenroll',
             '/usr/bin/systemd-delta',
             '/usr/bin/systemd-detect-virt',
             '/usr/bin/systemd-id128',
             '/usr/bin/systemd-mount',
             '/usr/bin/systemd-path',
             '/usr/bin/systemd-run',
             '/usr/bin/systemd-socket-activate',
             '/usr/bin/systemd-stdio-bridge',
             '/usr/bin/timedatectl',
             '/usr/share',
             '/usr/share/doc',
             '/usr/share/doc/systemd',
             '/bin/systemd',
             '/lib/systemd/system/autovt@.service',
             '/lib/systemd/system/cryptdisks-early.service',
             '/lib/systemd/system/cryptdisks.service',
             '/lib/systemd/system/dbus-org.freedesktop.hostname1.service',
             '/lib/systemd/system/dbus-org.freedesktop.locale1.service',
             '/lib/systemd/system/dbus-org.freedesktop.login1.service',
             '/lib/systemd/system/dbus-org.freedesktop.timedate1.service',
             '/lib/systemd/system/getty.target.wants/getty-static.service',
             '/lib/systemd/system/graphical.target.wants/systemd-update-utmp-runlevel.service',
             '/lib/systemd/system/hwclock.service',
             '/lib/systemd/system/initrd-root-fs.target.wants/systemd-repart.service',
             '/lib/systemd/system/initrd.target.wants/systemd-pcrphase-initrd.service',
             '/lib/systemd/system/kmod.service',
             '/lib/systemd/system/multi-user.target.wants/systemd-logind.service',
             '/lib/systemd/system/multi-user.target.wants/systemd-update-utmp-runlevel.service',
             '/lib/systemd/system/multi-user.target.wants/systemd-user-sessions.service',
             '/lib/systemd/system/procps.service',
             '/lib/systemd/system/rc.service',
             '/lib/systemd/system/rcS.service',
             '/lib/systemd/system/rescue.target.wants/systemd-update-utmp-runlevel.service',
             '/lib/systemd/system/sysinit.target.wants/kmod-static-nodes.service',
             '/lib/systemd/system/sysinit.target.wants/systemd-binfmt.service',
             '/lib/systemd/system/sysinit.target.wants/systemd-firstboot.service',
             '/lib/systemd/system/sysinit.target.wants/systemd-journal-flush.service',
             '/lib/systemd/system/sysinit.target.wants/systemd-journald.service',
             '/lib/systemd/system/sysinit.target.wants/systemd-machine-id-commit.service',
             '/lib/systemd/system/sysinit.target.wants/systemd-modules-load.service',
             '/lib/systemd/system/sysinit.target.wants/systemd-pcrphase-sysinit.service',
             '/lib/systemd/system/sysinit.target.wants/systemd-pcrphase.service',
             '/lib/systemd/system/sysinit.target.wants/systemd-random-seed.service',
             '/lib/systemd/system/sysinit.target.wants/systemd-repart.service',
             '/lib/systemd/system/sysinit.target.wants/systemd-sysctl.service',
             '/lib/systemd/system/sysinit.target.wants/systemd-sysusers.service',
             '/lib/systemd/system/sysinit.target.wants/systemd-tmpfiles-setup-dev.service',
             '/lib/systemd/system/sysinit.target.wants/systemd-tmpfiles-setup.service',
             '/lib/systemd/system/sysinit.target.wants/systemd-update-utmp.service',
             '/lib/systemd/system/x11-common.service',
             '/usr/bin/systemd-umount'),
 'systemd-sysv': ('/.',
                  '/sbin',
                  '/usr',
                  '/usr/share',
                  '/usr/share/doc',
                  '/usr/share/doc/systemd-sysv',
                  '/sbin/halt',
                  '/sbin/init',
                  '/sbin/poweroff',
                  '/sbin/reboot',
                  '/sbin/runlevel',
                  '/sbin/shutdown',
                  '/sbin/telinit'),
 'systemd-timesyncd': ('/.',
                       '/lib',
                       '/lib/systemd',
                       '/lib/systemd/system',
                       '/lib/systemd/system/systemd-timesyncd.service',
                       '/usr',
                       '/usr/share',
                       '/usr/share/doc',
                       '/usr/share/doc/systemd-timesyncd'),
 'sysvinit-utils': ('/.',
                    '/bin',
                    '/sbin',
                    '/sbin/fstab-decode',
                    '/sbin/killall5',
                    '/usr',
                    '/usr/share',
                    '/usr/share/doc',
                    '/usr/share/doc/sysvinit-utils',
                    '/bin/pidof'),
 'tar': ('/.',
         '/bin',
         '/bin/tar',
         '/usr',
         '/usr/sbin',
         '/usr/sbin/rmt-tar',
         '/usr/sbin/tarcat',
         '/usr/share',
         '/usr/share/doc',
         '/usr/share/doc/tar'),
 'tftp-hpa': ('/.',
              '/usr',
              '/usr/bin',
              '/usr/bin/tftp',
              '/usr/share',
              '/usr/share/doc',
              '/usr/share/doc/tftp-hpa'),
 'time': ('/.',
          '/usr',
          '/usr/bin',
          '/usr/bin/time',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/time'),
 'tzdata': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/tzdata'),
 'ucf': ('/.',
         '/usr',
         '/usr/bin',
         '/usr/bin/lcf',
         '/usr/bin/ucf',
         '/usr/bin/ucfq',
         '/usr/bin/ucfr',
         '/usr/share',
         '/usr/share/doc',
         '/usr/share/doc/ucf'),
 'udev': ('/.',
          '/bin',
          '/bin/systemd-hwdb',
          '/bin/udevadm',
          '/lib',
          '/lib/systemd',
          '/lib/systemd/system',
          '/lib/systemd/system/sysinit.target.wants',
          '/lib/systemd/system/systemd-udev-settle.service',
          '/lib/systemd/system/systemd-udev-trigger.service',
          '/lib/systemd/system/systemd-udevd.service',
          '/usr',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/udev',
          '/lib/systemd/system/sysinit.target.wants/systemd-udev-trigger.service',
          '/lib/systemd/system/sysinit.target.wants/systemd-udevd.service',
          '/lib/systemd/system/udev.service'),
 'usr-is-merged': ('/.',
                   '/usr',
                   '/usr/share',
                   '/usr/share/doc',
                   '/usr/share/doc/usr-is-merged'),
 'util-linux': ('/.',
                '/bin',
                '/bin/dmesg',
                '/bin/findmnt',
                '/bin/lsblk',
                '/bin/more',
                '/bin/mountpoint',
                '/bin/su',
                '/bin/wdctl',
                '/lib',
                '/lib/systemd',
                '/lib/systemd/system',
                '/lib/systemd/system/fstrim.service',
                '/sbin',
                '/sbin/agetty',
                '/sbin/blkdiscard',
                '/sbin/blkid',
                '/sbin/blkzone',
                '/sbin/blockdev',
                '/sbin/chcpu',
                '/sbin/ctrlaltdel',
                '/sbin/findfs',
                '/sbin/fsck',
                '/sbin/fsck.cramfs',
                '/sbin/fsck.minix',
                '/sbin/fsfreeze',
                '/sbin/fstrim',
                '/sbin/isosize',
                '/sbin/mkfs',
                '/sbin/mkfs.bfs',
                '/sbin/mkfs.cramfs',
                '/sbin/mkfs.minix',
                '/sbin/mkswap',
                '/sbin/pivot_root',
                '/sbin/runuser',
                '/sbin/sulogin',
                '/sbin/swaplabel',
                '/sbin/switch_root',
                '/sbin/wipefs',
                '/sbin/zramctl',
                '/usr',
                '/usr/bin',
                '/usr/bin/addpart',
                '/usr/bin/choom',
                '/usr/bin/chrt',
                '/usr/bin/delpart',
                '/usr/bin/fallocate',
                '/usr/bin/flock',
                '/usr/bin/getopt',
                '/usr/bin/hardlink',
                '/usr/bin/ionice',
                '/usr/bin/ipcmk',
                '/usr/bin/ipcrm',
                '/usr/bin/ipcs',
                '/usr/bin/last',
                '/usr/bin/lscpu',
                '/usr/bin/lsipc',
                '/usr/bin/lslocks',
                '/usr/bin/lslogins',
                '/usr/bin/lsmem',
                '/usr/bin/lsns',
                '/usr/bin/mcookie',
                '/usr/bin/mesg',
                '/usr/bin/namei',
                '/usr/bin/nsenter',
                '/usr/bin/partx',
                '/usr/bin/prlimit',
                '/usr/bin/rename.ul',
                '/usr/bin/resizepart',
                '/usr/bin/rev',
                '/usr/bin/setarch',
                '/usr/bin/setpriv',
                '/usr/bin/setsid',
                '/usr/bin/setterm',
                '/usr/bin/taskset',
                '/usr/bin/uclampset',
                '/usr/bin/unshare',
                '/usr/bin/utmpdump',
                '/usr/bin/whereis',
                '/usr/sbin',
                '/usr/sbin/chmem',
                '/usr/sbin/ldattach',
                '/usr/sbin/readprofile',
                '/usr/sbin/rtcwake',
                '/usr/share',
                '/usr/share/doc',
                '/usr/share/doc/util-linux',
                '/sbin/getty',
                '/usr/bin/i386',
                '/usr/bin/lastb',
                '/usr/bin/linux32',
                '/usr/bin/linux64',
                '/usr/bin/x86_64'),
 'util-linux-extra': ('/.',
                      '/sbin',
                      '/sbin/hwclock',
                      '/usr',
                      '/usr/bin',
                      '/usr/bin/fincore',
                      '/usr/bin/lsfd',
                      '/usr/bin/lsirq',
                      '/usr/share',
                      '/usr/share/doc',
                      '/usr/share/doc/util-linux-extra'),
 'vim-common': ('/.',
                '/usr',
                '/usr/bin',
                '/usr/bin/helpztags',
                '/usr/share',
                '/usr/share/doc',
                '/usr/share/doc/vim-common'),
 'wget': ('/.',
          '/usr',
          '/usr/bin',
          '/usr/bin/wget',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/wget'),
 'xz-utils': ('/.',
              '/usr',
              '/usr/bin',
              '/usr/bin/lzmainfo',
              '/usr/bin/xz',
              '/usr/bin/xzdiff',
              '/usr/bin/xzgrep',
              '/usr/bin/xzless',
              '/usr/bin/xzmore',
              '/usr/share',
              '/usr/share/doc',
              '/usr/share/doc/xz-utils',
              '/usr/bin/unxz',
              '/usr/bin/xzcat',
              '/usr/bin/xzcmp',
              '/usr/bin/xzegrep',
              '/usr/bin/xzfgrep'),
 'zlib1g': ('/.', '/usr', '/usr/share', '/usr/share/doc', '/usr/share/doc/zlib1g'),
 'zstd': ('/.',
          '/usr',
          '/usr/bin',
          '/usr/bin/pzstd',
          '/usr/bin/zstd',
          '/usr/bin/zstdgrep',
          '/usr/bin/zstdless',
          '/usr/share',
          '/usr/share/doc',
          '/usr/share/doc/zstd',
          '/usr/bin/unzstd',
          '/usr/bin/zstdcat',
          '/usr/bin/zstdmt')}

#: Each package's programs, usr-merged: mode, size, a link's target, group.
PROGRAMS: dict[str, tuple[int, int, str, str]] = {'/usr/bin/[': (493, 68496, '', 'root'),
 '/usr/bin/ab': (493, 59824, '', 'root'),
 '/usr/bin/addpart': (493, 31040, '', 'root'),
 '/usr/bin/apropos': (511, 0, 'whatis', 'root'),
 '/usr/bin/apt': (493, 18752, '', 'root'),
 '/usr/bin/apt-cache': (493, 88456, '', 'root'),
 '/usr/bin/apt-cdrom': (493, 22920, '', 'root'),
 '/usr/bin/apt-config': (493, 26944, '', 'root'),
 '/usr/bin/apt-get': (493, 51592, '', 'root'),
 '/usr/bin/apt-key': (493, 27972, '', 'root'),
 '/usr/bin/apt-mark': (493, 59784, '', 'root'),
 '/usr/bin/arch': (493, 43888, '', 'root'),
 '/usr/bin/b2sum': (493, 60400, '', 'root'),
 '/usr/bin/base32': (493, 48016, '', 'root'),
 '/usr/bin/base64': (493, 48016, '', 'root'),
 '/usr/bin/basename': (493, 43856, '', 'root'),
 '/usr/bin/basenc': (493, 56208, '', 'root'),
 '/usr/bin/bash': (493, 1265648, '', 'root'),
 '/usr/bin/bashbug': (493, 6865, '', 'root'),
 '/usr/bin/bc': (493, 96968, '', 'root'),
 '/usr/bin/bunzip2': (493, 39224, '', 'root'),
 '/usr/bin/busctl': (493, 92672, '', 'root'),
 '/usr/bin/busybox': (493, 772880, '', 'root'),
 '/usr/bin/bzcat': (493, 39224, '', 'root'),
 '/usr/bin/bzcmp': (511, 0, 'bzdiff', 'root'),
 '/usr/bin/bzdiff': (493, 2225, '', 'root'),
 '/usr/bin/bzegrep': (511, 0, 'bzgrep', 'root'),
 '/usr/bin/bzexe': (493, 4893, '', 'root'),
 '/usr/bin/bzfgrep': (511, 0, 'bzgrep', 'root'),
 '/usr/bin/bzgrep': (493, 3775, '', 'root'),
 '/usr/bin/bzip2': (493, 39224, '', 'root'),
 '/usr/bin/bzip2recover': (493, 14568, '', 'root'),
 '/usr/bin/bzless': (511, 0, 'bzmore', 'root'),
 '/usr/bin/bzmore': (493, 1297, '', 'root'),
 '/usr/bin/c_rehash': (493, 6925, '', 'root'),
 '/usr/bin/captoinfo': (511, 0, 'tic', 'root'),
 '/usr/bin/cat': (493, 44016, '', 'root'),
 '/usr/bin/catman': (493, 43792, '', 'root'),
 '/usr/bin/chage': (1517, 80376, '', 'shadow'),
 '/usr/bin/chattr': (493, 14584, '', 'root'),
 '/usr/bin/chcon': (493, 68720, '', 'root'),
 '/usr/bin/checkgid': (493, 14576, '', 'root'),
 '/usr/bin/chfn': (2541, 62672, '', 'root'),
 '/usr/bin/chgrp': (493, 68656, '', 'root'),
 '/usr/bin/chmod': (493, 64496, '', 'root'),
 '/usr/bin/choom': (493, 55616, '', 'root'),
 '/usr/bin/chown': (493, 72752, '', 'root'),
 '/usr/bin/chrt': (493, 67904, '', 'root'),
 '/usr/bin/chsh': (2541, 52880, '', 'root'),
 '/usr/bin/cksum': (493, 142384, '', 'root'),
 '/usr/bin/clear': (493, 14584, '', 'root'),
 '/usr/bin/clear_console': (493, 14488, '', 'root'),
 '/usr/bin/cmp': (493, 52176, '', 'root'),
 '/usr/bin/col': (493, 35136, '', 'root'),
 '/usr/bin/colcrt': (493, 14656, '', 'root'),
 '/usr/bin/colrm': (493, 31040, '', 'root'),
 '/usr/bin/column': (493, 55616, '', 'root'),
 '/usr/bin/comm': (493, 48048, '', 'root'),
 '/usr/bin/corelist': (493, 15375, '', 'root'),
 '/usr/bin/cp': (493, 151152, '', 'root'),
 '/usr/bin/cpan': (493, 8360, '', 'root'),
 '/usr/bin/cpan5.36-x86_64-linux-gnu': (493, 8381, '', 'root'),
 '/usr/bin/cpio': (493, 162368, '', 'root'),
 '/usr/bin/crontab': (1517, 43648, '', 'crontab'),
 '/usr/bin/csplit': (493, 122032, '', 'root'),
 '/usr/bin/ctstat': (511, 0, 'lnstat', 'root'),
 '/usr/bin/curl': (493, 280800, '', 'root'),
 '/usr/bin/cut': (493, 48112, '', 'root'),
 '/usr/bin/cvtsudoers': (493, 345280, '', 'root'),
 '/usr/bin/dash': (493, 125640, '', 'root'),
 '/usr/bin/date': (493, 121904, '', 'root'),
 '/usr/bin/dbclient': (493, 163872, '', 'root'),
 '/usr/bin/dbus-cleanup-sockets': (493, 14560, '', 'root'),
 '/usr/bin/dbus-daemon': (493, 244288, '', 'root'),
 '/usr/bin/dbus-monitor': (493, 26856, '', 'root'),
 '/usr/bin/dbus-run-session': (493, 14568, '', 'root'),
 '/usr/bin/dbus-send': (493, 30944, '', 'root'),
 '/usr/bin/dbus-update-activation-environment': (493, 14560, '', 'root'),
 '/usr/bin/dbus-uuidgen': (493, 14560, '', 'root'),
 '/usr/bin/dd': (493, 89240, '', 'root'),
 '/usr/bin/deb-systemd-helper': (493, 24358, '', 'root'),
 '/usr/bin/deb-systemd-invoke': (493, 6241, '', 'root'),
 '/usr/bin/debconf': (493, 2859, '', 'root'),
 '/usr/bin/debconf-apt-progress': (493, 11541, '', 'root'),
 '/usr/bin/debconf-communicate': (493, 608, '', 'root'),
 '/usr/bin/debconf-copydb': (493, 1719, '', 'root'),
 '/usr/bin/debconf-escape': (493, 647, '', 'root'),
 '/usr/bin/debconf-set-selections': (493, 2995, '', 'root'),
 '/usr/bin/debconf-show': (493, 1827, '', 'root'),
 '/usr/bin/delpart': (493, 31040, '', 'root'),
 '/usr/bin/delv': (493, 42296, '', 'root'),
 '/usr/bin/df': (493, 102200, '', 'root'),
 '/usr/bin/diff': (493, 155216, '', 'root'),
 '/usr/bin/diff3': (493, 68752, '', 'root'),
 '/usr/bin/dig': (493, 146200, '', 'root'),
 '/usr/bin/dir': (493, 151344, '', 'root'),
 '/usr/bin/dircolors': (493, 52144, '', 'root'),
 '/usr/bin/dirname': (493, 39760, '', 'root'),
 '/usr/bin/dmesg': (493, 88656, '', 'root'),
 '/usr/bin/dnsdomainname': (511, 0, 'hostname', 'root'),
 '/usr/bin/dnstap-read': (493, 18768, '', 'root'),
 '/usr/bin/domainname': (511, 0, 'hostname', 'root'),
 '/usr/bin/dpkg': (493, 318096, '', 'root'),
 '/usr/bin/dpkg-deb': (493, 170512, '', 'root'),
 '/usr/bin/dpkg-divert': (493, 158264, '', 'root'),
 '/usr/bin/dpkg-maintscript-helper': (493, 21206, '', 'root'),
 '/usr/bin/dpkg-query': (493, 162384, '', 'root'),
 '/usr/bin/dpkg-realpath': (493, 4186, '', 'root'),
 '/usr/bin/dpkg-split': (493, 129520, '', 'root'),
 '/usr/bin/dpkg-statoverride': (493, 63824, '', 'root'),
 '/usr/bin/dpkg-trigger': (493, 88560, '', 'root'),
 '/usr/bin/dropbearconvert': (493, 88528, '', 'root'),
 '/usr/bin/dropbearkey': (493, 80336, '', 'root'),
 '/usr/bin/du': (493, 175440, '', 'root'),
 '/usr/bin/echo': (493, 43856, '', 'root'),
 '/usr/bin/egrep': (493, 41, '', 'root'),
 '/usr/bin/enc2xs': (493, 41947, '', 'root'),
 '/usr/bin/encguess': (493, 3069, '', 'root'),
 '/usr/bin/env': (493, 48536, '', 'root'),
 '/usr/bin/envsubst': (493, 35136, '', 'root'),
 '/usr/bin/eqn': (493, 210352, '', 'root'),
 '/usr/bin/expand': (493, 43952, '', 'root'),
 '/usr/bin/expiry': (1517, 31184, '', 'shadow'),
 '/usr/bin/expr': (493, 117808, '', 'root'),
 '/usr/bin/factor': (493, 85200, '', 'root'),
 '/usr/bin/faillog': (493, 23072, '', 'root'),
 '/usr/bin/fallocate': (493, 35136, '', 'root'),
 '/usr/bin/false': (493, 35664, '', 'root'),
 '/usr/bin/fcgistarter': (493, 14576, '', 'root'),
 '/usr/bin/fgrep': (493, 41, '', 'root'),
 '/usr/bin/file': (493, 27120, '', 'root'),
 '/usr/bin/fincore': (493, 35184, '', 'root'),
 '/usr/bin/find': (493, 224848, '', 'root'),
 '/usr/bin/findmnt': (493, 85600, '', 'root'),
 '/usr/bin/flock': (493, 35216, '', 'root'),
 '/usr/bin/fmt': (493, 48016, '', 'root'),
 '/usr/bin/fold': (493, 43920, '', 'root'),
 '/usr/bin/free': (493, 26936, '', 'root'),
 '/usr/bin/fuser': (493, 40784, '', 'root'),
 '/usr/bin/geqn': (511, 0, 'eqn', 'root'),
 '/usr/bin/getconf': (493, 27136, '', 'root'),
 '/usr/bin/getent': (493, 36320, '', 'root'),
 '/usr/bin/getopt': (493, 35136, '', 'root'),
 '/usr/bin/gettext': (493, 35136, '', 'root'),
 '/usr/bin/gettext.sh': (493, 5188, '', 'root'),
 '/usr/bin/gpasswd': (2541, 88496, '', 'root'),
 '/usr/bin/gpgv': (493, 474112, '', 'root'),
 '/usr/bin/gpic': (511, 0, 'pic', 'root'),
 '/usr/bin/grep': (493, 203152, '', 'root'),
 '/usr/bin/groff': (493, 128464, '', 'root'),
 '/usr/bin/grog': (493, 2776, '', 'root'),
 '/usr/bin/grops': (493, 190320, '', 'root'),
 '/usr/bin/grotty': (493, 140784, '', 'root'),
 '/usr/bin/groups': (493, 43920, '', 'root'),
 '/usr/bin/gtbl': (511, 0, 'tbl', 'root'),
 '/usr/bin/gunzip': (493, 2346, '', 'root'),
 '/usr/bin/gzexe': (493, 6447, '', 'root'),
 '/usr/bin/gzip': (493, 98136, '', 'root'),
 '/usr/bin/h2ph': (493, 29227, '', 'root'),
 '/usr/bin/h2xs': (493, 60934, '', 'root'),
 '/usr/bin/hardlink': (493, 51600, '', 'root'),
 '/usr/bin/hd': (511, 0, 'hexdump', 'root'),
 '/usr/bin/head': (493, 48080, '', 'root'),
 '/usr/bin/helpztags': (493, 2514, '', 'root'),
 '/usr/bin/hexdump': (493, 59720, '', 'root'),
 '/usr/bin/host': (493, 117456, '', 'root'),
 '/usr/bin/hostid': (493, 39760, '', 'root'),
 '/usr/bin/hostname': (493, 22680, '', 'root'),
 '/usr/bin/hostnamectl': (493, 31104, '', 'root'),
 '/usr/bin/htcacheclean': (493, 35064, '', 'root'),
 '/usr/bin/htdbm': (493, 26864, '', 'root'),
 '/usr/bin/htdigest': (493, 14576, '', 'root'),
 '/usr/bin/htpasswd': (493, 26864, '', 'root'),
 '/usr/bin/i386': (511, 0, 'setarch', 'root'),
 '/usr/bin/iconv': (493, 64648, '', 'root'),
 '/usr/bin/id': (493, 48144, '', 'root'),
 '/usr/bin/infocmp': (493, 63808, '', 'root'),
 '/usr/bin/infotocap': (511, 0, 'tic', 'root'),
 '/usr/bin/install': (493, 159544, '', 'root'),
 '/usr/bin/instmodsh': (493, 4373, '', 'root'),
 '/usr/bin/ionice': (493, 35136, '', 'root'),
 '/usr/bin/ip': (493, 691016, '', 'root'),
 '/usr/bin/ipcmk': (493, 35200, '', 'root'),
 '/usr/bin/ipcrm': (493, 35136, '', 'root'),
 '/usr/bin/ipcs': (493, 76096, '', 'root'),
 '/usr/bin/ischroot': (493, 14664, '', 'root'),
 '/usr/bin/join': (493, 56304, '', 'root'),
 '/usr/bin/journalctl': (493, 76432, '', 'root'),
 '/usr/bin/json_pp': (493, 4992, '', 'root'),
 '/usr/bin/kernel-install': (493, 13061, '', 'root'),
 '/usr/bin/kill': (493, 22840, '', 'root'),
 '/usr/bin/killall': (493, 32720, '', 'root'),
 '/usr/bin/kmod': (493, 178448, '', 'root'),
 '/usr/bin/last': (493, 51520, '', 'root'),
 '/usr/bin/lastb': (511, 0, 'last', 'root'),
 '/usr/bin/lastlog': (493, 32512, '', 'root'),
 '/usr/bin/lcf': (493, 7784, '', 'root'),
 '/usr/bin/ld.so': (511, 0, '/lib64/ld-linux-x86-64.so.2', 'root'),
 '/usr/bin/ldd': (493, 5407, '', 'root'),
 '/usr/bin/less': (493, 198960, '', 'root'),
 '/usr/bin/lessecho': (493, 14584, '', 'root'),
 '/usr/bin/lessfile': (511, 0, 'lesspipe', 'root'),
 '/usr/bin/lesskey': (493, 24200, '', 'root'),
 '/usr/bin/lesspipe': (493, 9047, '', 'root'),
 '/usr/bin/lexgrog': (493, 110056, '', 'root'),
 '/usr/bin/libnetcfg': (493, 15778, '', 'root'),
 '/usr/bin/link': (493, 39760, '', 'root'),
 '/usr/bin/linux-check-removal': (493, 4708, '', 'root'),
 '/usr/bin/linux-run-hooks': (493, 3545, '', 'root'),
 '/usr/bin/linux-update-symlinks': (493, 6529, '', 'root'),
 '/usr/bin/linux-version': (493, 2734, '', 'root'),
 '/usr/bin/linux32': (511, 0, 'setarch', 'root'),
 '/usr/bin/linux64': (511, 0, 'setarch', 'root'),
 '/usr/bin/ln': (493, 72824, '', 'root'),
 '/usr/bin/lnstat': (493, 27224, '', 'root'),
 '/usr/bin/locale': (493, 47272, '', 'root'),
 '/usr/bin/localectl': (493, 27008, '', 'root'),
 '/usr/bin/localedef': (493, 298912, '', 'root'),
 '/usr/bin/logger': (493, 56216, '', 'root'),
 '/usr/bin/login': (493, 53024, '', 'root'),
 '/usr/bin/loginctl': (493, 59888, '', 'root'),
 '/usr/bin/logname': (493, 39760, '', 'root'),
 '/usr/bin/logresolve': (493, 14584, '', 'root'),
 '/usr/bin/look': (493, 18752, '', 'root'),
 '/usr/bin/ls': (493, 151344, '', 'root'),
 '/usr/bin/lsattr': (493, 14584, '', 'root'),
 '/usr/bin/lsb_release': (493, 2651, '', 'root'),
 '/usr/bin/lsblk': (493, 207168, '', 'root'),
 '/usr/bin/lscpu': (493, 129344, '', 'root'),
 '/usr/bin/lsfd': (493, 123192, '', 'root'),
 '/usr/bin/lsinitramfs': (493, 735, '', 'root'),
 '/usr/bin/lsipc': (493, 100672, '', 'root'),
 '/usr/bin/lsirq': (493, 35312, '', 'root'),
 '/usr/bin/lslocks': (493, 72400, '', 'root'),
 '/usr/bin/lslogins': (493, 96576, '', 'root'),
 '/usr/bin/lsmem': (493, 67904, '', 'root'),
 '/usr/bin/lsmod': (511, 0, 'kmod', 'root'),
 '/usr/bin/lsns': (493, 84288, '', 'root'),
 '/usr/bin/lsof': (493, 179824, '', 'root'),
 '/usr/bin/lzmainfo': (493, 14648, '', 'root'),
 '/usr/bin/man': (493, 124272, '', 'root'),
 '/usr/bin/man-recode': (493, 36232, '', 'root'),
 '/usr/bin/mandb': (493, 151152, '', 'root'),
 '/usr/bin/manpath': (493, 35616, '', 'root'),
 '/usr/bin/mawk': (493, 158376, '', 'root'),
 '/usr/bin/mcookie': (493, 35200, '', 'root'),
 '/usr/bin/md5sum': (493, 52176, '', 'root'),
 '/usr/bin/md5sum.textutils': (511, 0, 'md5sum', 'root'),
 '/usr/bin/mdig': (493, 47440, '', 'root'),
 '/usr/bin/mesg': (493, 18744, '', 'root'),
 '/usr/bin/mkdir': (493, 97552, '', 'root'),
 '/usr/bin/mkfifo': (493, 68784, '', 'root'),
 '/usr/bin/mknod': (493, 72912, '', 'root'),
 '/usr/bin/mktemp': (493, 43952, '', 'root'),
 '/usr/bin/more': (493, 59712, '', 'root'),
 '/usr/bin/mount': (2541, 59704, '', 'root'),
 '/usr/bin/mountpoint': (493, 18744, '', 'root'),
 '/usr/bin/mt-gnu': (493, 85376, '', 'root'),
 '/usr/bin/mv': (493, 142968, '', 'root'),
 '/usr/bin/namei': (493, 35136, '', 'root'),
 '/usr/bin/nc.openbsd': (493, 43592, '', 'root'),
 '/usr/bin/neqn': (493, 913, '', 'root'),
 '/usr/bin/netstat': (493, 155304, '', 'root'),
 '/usr/bin/networkctl': (493, 108936, '', 'root'),
 '/usr/bin/newgrp': (2541, 48896, '', 'root'),
 '/usr/bin/ngettext': (493, 35136, '', 'root'),
 '/usr/bin/nice': (493, 43888, '', 'root'),
 '/usr/bin/nisdomainname': (511, 0, 'hostname', 'root'),
 '/usr/bin/nl': (493, 113776, '', 'root'),
 '/usr/bin/nohup': (493, 43920, '', 'root'),
 '/usr/bin/nproc': (493, 43920, '', 'root'),
 '/usr/bin/nroff': (493, 3293, '', 'root'),
 '/usr/bin/nsenter': (493, 35368, '', 'root'),
 '/usr/bin/nslookup': (493, 117496, '', 'root'),
 '/usr/bin/nstat': (493, 106952, '', 'root'),
 '/usr/bin/nsupdate': (493, 76344, '', 'root'),
 '/usr/bin/numfmt': (493, 68624, '', 'root'),
 '/usr/bin/od': (493, 80912, '', 'root'),
 '/usr/bin/openssl': (493, 976136, '', 'root'),
 '/usr/bin/partx': (493, 121152, '', 'root'),
 '/usr/bin/passwd': (2541, 68248, '', 'root'),
 '/usr/bin/paste': (493, 43920, '', 'root'),
 '/usr/bin/pathchk': (493, 43888, '', 'root'),
 '/usr/bin/pdb3': (511, 0, 'pdb3.11', 'root'),
 '/usr/bin/pdb3.11': (511, 0, '../lib/python3.11/pdb.py', 'root'),
 '/usr/bin/peekfd': (493, 14848, '', 'root'),
 '/usr/bin/perl': (493, 3804464, '', 'root'),
 '/usr/bin/perl5.36-x86_64-linux-gnu': (493, 14752, '', 'root'),
 '/usr/bin/perl5.36.0': (493, 3804464, '', 'root'),
 '/usr/bin/perlbug': (493, 45183, '', 'root'),
 '/usr/bin/perldoc': (493, 125, '', 'root'),
 '/usr/bin/perlivp': (493, 10867, '', 'root'),
 '/usr/bin/perlthanks': (493, 45183, '', 'root'),
 '/usr/bin/pgrep': (493, 35248, '', 'root'),
 '/usr/bin/pic': (493, 225552, '', 'root'),
 '/usr/bin/piconv': (493, 8360, '', 'root'),
 '/usr/bin/pidof': (511, 0, '/sbin/killall5', 'root'),
 '/usr/bin/pidwait': (493, 35248, '', 'root'),
 '/usr/bin/pinky': (493, 48176, '', 'root'),
 '/usr/bin/pkill': (511, 0, 'pgrep', 'root'),
 '/usr/bin/pl2pm': (493, 4536, '', 'root'),
 '/usr/bin/pldd': (493, 23232, '', 'root'),
 '/usr/bin/pmap': (493, 35160, '', 'root'),
 '/usr/bin/pod2html': (493, 4137, '', 'root'),
 '/usr/bin/pod2man': (493, 15034, '', 'root'),
 '/usr/bin/pod2text': (493, 10803, '', 'root'),
 '/usr/bin/pod2usage': (493, 4107, '', 'root'),
 '/usr/bin/podchecker': (493, 3658, '', 'root'),
 '/usr/bin/pr': (493, 81008, '', 'root'),
 '/usr/bin/preconv': (493, 68024, '', 'root'),
 '/usr/bin/printenv': (493, 35664, '', 'root'),
 '/usr/bin/printf': (493, 64432, '', 'root'),
 '/usr/bin/prlimit': (493, 39760, '', 'root'),
 '/usr/bin/prove': (493, 13659, '', 'root'),
 '/usr/bin/prtstat': (493, 19016, '', 'root'),
 '/usr/bin/ps': (493, 146360, '', 'root'),
 '/usr/bin/pslog': (493, 14792, '', 'root'),
 '/usr/bin/pstree': (493, 36640, '', 'root'),
 '/usr/bin/pstree.x11': (511, 0, 'pstree', 'root'),
 '/usr/bin/ptar': (493, 3566, '', 'root'),
 '/usr/bin/ptardiff': (493, 2645, '', 'root'),
 '/usr/bin/ptargrep': (493, 4395, '', 'root'),
 '/usr/bin/ptx': (493, 138480, '', 'root'),
 '/usr/bin/pwd': (493, 43952, '', 'root'),
 '/usr/bin/pwdx': (493, 14648, '', 'root'),
 '/usr/bin/py3clean': (493, 7810, '', 'root'),
 '/usr/bin/py3compile': (493, 13308, '', 'root'),
 '/usr/bin/py3versions': (511, 0, '../share/python3/py3versions.py', 'root'),
 '/usr/bin/pydoc3': (511, 0, 'pydoc3.11', 'root'),
 '/usr/bin/pydoc3.11': (493, 79, '', 'root'),
 '/usr/bin/pygettext3': (511, 0, 'pygettext3.11', 'root'),
 '/usr/bin/pygettext3.11': (493, 24235, '', 'root'),
 '/usr/bin/python3': (511, 0, 'python3.11', 'root'),
 '/usr/bin/python3.11': (493, 6834488, '', 'root'),
 '/usr/bin/pzstd': (493, 760200, '', 'root'),
 '/usr/bin/rbash': (511, 0, 'bash', 'root'),
 '/usr/bin/rdma': (493, 184936, '', 'root'),
 '/usr/bin/readlink': (493, 52112, '', 'root'),
 '/usr/bin/realpath': (493, 52144, '', 'root'),
 '/usr/bin/redis-benchmark': (493, 756360, '', 'root'),
 '/usr/bin/redis-check-aof': (493, 2387088, '', 'root'),
 '/usr/bin/redis-check-rdb': (493, 2387088, '', 'root'),
 '/usr/bin/redis-cli': (493, 375056, '', 'root'),
 '/usr/bin/redis-server': (511, 0, 'redis-check-rdb', 'root'),
 '/usr/bin/rename.ul': (493, 22840, '', 'root'),
 '/usr/bin/renice': (493, 14648, '', 'root'),
 '/usr/bin/reset': (511, 0, 'tset', 'root'),
 '/usr/bin/resizepart': (493, 72000, '', 'root'),
 '/usr/bin/rev': (493, 14648, '', 'root'),
 '/usr/bin/rgrep': (493, 30, '', 'root'),
 '/usr/bin/rm': (493, 72752, '', 'root'),
 '/usr/bin/rmdir': (493, 56240, '', 'root'),
 '/usr/bin/rotatelogs': (493, 26944, '', 'root'),
 '/usr/bin/routel': (493, 1658, '', 'root'),
 '/usr/bin/rtstat': (511, 0, 'lnstat', 'root'),
 '/usr/bin/run-parts': (493, 27560, '', 'root'),
 '/usr/bin/runcon': (493, 43984, '', 'root'),
 '/usr/bin/savelog': (493, 10487, '', 'root'),
 '/usr/bin/scp': (493, 273024, '', 'root'),
 '/usr/bin/script': (493, 71992, '', 'root'),
 '/usr/bin/scriptlive': (493, 55608, '', 'root'),
 '/usr/bin/scriptreplay': (493, 47416, '', 'root'),
 '/usr/bin/sdiff': (493, 56400, '', 'root'),
 '/usr/bin/sed': (493, 126424, '', 'root'),
 '/usr/bin/select-editor': (493, 2450, '', 'root'),
 '/usr/bin/sensible-browser': (493, 1290, '', 'root'),
 '/usr/bin/sensible-editor': (493, 1269, '', 'root'),
 '/usr/bin/sensible-pager': (493, 565, '', 'root'),
 '/usr/bin/seq': (493, 60336, '', 'root'),
 '/usr/bin/setarch': (493, 27216, '', 'root'),
 '/usr/bin/setpriv': (493, 80192, '', 'root'),
 '/usr/bin/setsid': (493, 14648, '', 'root'),
 '/usr/bin/setterm': (493, 47424, '', 'root'),
 '/usr/bin/sftp': (493, 289376, '', 'root'),
 '/usr/bin/sg': (511, 0, 'newgrp', 'root'),
 '/usr/bin/sh': (511, 0, 'dash', 'root'),
 '/usr/bin/sha1sum': (493, 56272, '', 'root'),
 '/usr/bin/sha224sum': (493, 60368, '', 'root'),
 '/usr/bin/sha256sum': (493, 60368, '', 'root'),
 '/usr/bin/sha384sum': (493, 64464, '', 'root'),
 '/usr/bin/sha512sum': (493, 64464, '', 'root'),
 '/usr/bin/shasum': (493, 9979, '', 'root'),
 '/usr/bin/shred': (493, 64656, '', 'root'),
 '/usr/bin/shuf': (493, 60400, '', 'root'),
 '/usr/bin/skill': (493, 31056, '', 'root'),
 '/usr/bin/slabtop': (493, 22904, '', 'root'),
 '/usr/bin/sleep': (493, 43888, '', 'root'),
 '/usr/bin/slogin': (511, 0, 'ssh', 'root'),
 '/usr/bin/snice': (511, 0, 'skill', 'root'),
 '/usr/bin/soelim': (493, 51640, '', 'root'),
 '/usr/bin/sort': (493, 118456, '', 'root'),
 '/usr/bin/splain': (493, 19449, '', 'root'),
 '/usr/bin/split': (493, 60984, '', 'root'),
 '/usr/bin/ss': (493, 193680, '', 'root'),
 '/usr/bin/ssh': (493, 1129504, '', 'root'),
 '/usr/bin/ssh-add': (493, 530880, '', 'root'),
 '/usr/bin/ssh-agent': (1517, 485760, '', '_ssh'),
 '/usr/bin/ssh-argv0': (493, 1455, '', 'root'),
 '/usr/bin/ssh-copy-id': (493, 12676, '', 'root'),
 '/usr/bin/ssh-keygen': (493, 661952, '', 'root'),
 '/usr/bin/ssh-keyscan': (493, 637408, '', 'root'),
 '/usr/bin/stat': (493, 97488, '', 'root'),
 '/usr/bin/stdbuf': (493, 60336, '', 'root'),
 '/usr/bin/streamzip': (493, 7941, '', 'root'),
 '/usr/bin/stty': (493, 85008, '', 'root'),
 '/usr/bin/su': (2541, 72000, '', 'root'),
 '/usr/bin/sudo': (2541, 281624, '', 'root'),
 '/usr/bin/sudoedit': (511, 0, 'sudo', 'root'),
 '/usr/bin/sudoreplay': (493, 118480, '', 'root'),
 '/usr/bin/sum': (493, 52184, '', 'root'),
 '/usr/bin/sync': (493, 39824, '', 'root'),
 '/usr/bin/systemctl': (493, 1353368, '', 'root'),
 '/usr/bin/systemd': (511, 0, '/lib/systemd/systemd', 'root'),
 '/usr/bin/systemd-analyze': (493, 186992, '', 'root'),
 '/usr/bin/systemd-ask-password': (493, 18928, '', 'root'),
 '/usr/bin/systemd-cat': (493, 18816, '', 'root'),
 '/usr/bin/systemd-cgls': (493, 23016, '', 'root'),
 '/usr/bin/systemd-cgtop': (493, 39320, '', 'root'),
 '/usr/bin/systemd-creds': (493, 43632, '', 'root'),
 '/usr/bin/systemd-cryptenroll': (493, 60008, '', 'root'),
 '/usr/bin/systemd-delta': (493, 27008, '', 'root'),
 '/usr/bin/systemd-detect-virt': (493, 18808, '', 'root'),
 '/usr/bin/systemd-escape': (493, 18808, '', 'root'),
 '/usr/bin/systemd-firstboot': (493, 51800, '', 'root'),
 '/usr/bin/systemd-hwdb': (493, 129704, '', 'root'),
 '/usr/bin/systemd-id128': (493, 22904, '', 'root'),
 '/usr/bin/systemd-inhibit': (493, 22928, '', 'root'),
 '/usr/bin/systemd-machine-id-setup': (493, 18928, '', 'root'),
 '/usr/bin/systemd-mount': (493, 51808, '', 'root'),
 '/usr/bin/systemd-notify': (493, 18816, '', 'root'),
 '/usr/bin/systemd-path': (493, 18808, '', 'root'),
 '/usr/bin/systemd-repart': (493, 154304, '', 'root'),
 '/usr/bin/systemd-run': (493, 59976, '', 'root'),
 '/usr/bin/systemd-socket-activate': (493, 27008, '', 'root'),
 '/usr/bin/systemd-stdio-bridge': (493, 18816, '', 'root'),
 '/usr/bin/systemd-sysext': (493, 43512, '', 'root'),
 '/usr/bin/systemd-sysusers': (493, 64184, '', 'root'),
 '/usr/bin/systemd-tmpfiles': (493, 113224, '', 'root'),
 '/usr/bin/systemd-tty-ask-password-agent': (493, 35200, '', 'root'),
 '/usr/bin/systemd-umount': (511, 0, 'systemd-mount', 'root'),
 '/usr/bin/tabs': (493, 18672, '', 'root'),
 '/usr/bin/tac': (493, 113712, '', 'root'),
 '/usr/bin/tail': (493, 76944, '', 'root'),
 '/usr/bin/tar': (493, 531984, '', 'root'),
 '/usr/bin/taskset': (493, 63808, '', 'root'),
 '/usr/bin/tbl': (493, 149944, '', 'root'),
 '/usr/bin/tee': (493, 43984, '', 'root'),
 '/usr/bin/tempfile': (493, 14520, '', 'root'),
 '/usr/bin/test': (493, 60304, '', 'root'),
 '/usr/bin/tftp': (493, 35880, '', 'root'),
 '/usr/bin/tic': (493, 92512, '', 'root'),
 '/usr/bin/time': (493, 27384, '', 'root'),
 '/usr/bin/timedatectl': (493, 43384, '', 'root'),
 '/usr/bin/timeout': (493, 48632, '', 'root'),
 '/usr/bin/tload': (493, 18760, '', 'root'),
 '/usr/bin/toe': (493, 22768, '', 'root'),
 '/usr/bin/top': (493, 134736, '', 'root'),
 '/usr/bin/touch': (493, 109616, '', 'root'),
 '/usr/bin/tput': (493, 26896, '', 'root'),
 '/usr/bin/tr': (493, 56208, '', 'root'),
 '/usr/bin/troff': (493, 773968, '', 'root'),
 '/usr/bin/true': (493, 35664, '', 'root'),
 '/usr/bin/truncate': (493, 43920, '', 'root'),
 '/usr/bin/tset': (493, 30968, '', 'root'),
 '/usr/bin/tsort': (493, 56208, '', 'root'),
 '/usr/bin/tty': (493, 35696, '', 'root'),
 '/usr/bin/tzselect': (493, 15352, '', 'root'),
 '/usr/bin/ucf': (493, 41664, '', 'root'),
 '/usr/bin/ucfq': (493, 19367, '', 'root'),
 '/usr/bin/ucfr': (493, 11111, '', 'root'),
 '/usr/bin/uclampset': (493, 63808, '', 'root'),
 '/usr/bin/udevadm': (493, 1353288, '', 'root'),
 '/usr/bin/ul': (493, 22848, '', 'root'),
 '/usr/bin/umount': (2541, 35128, '', 'root'),
 '/usr/bin/uname': (493, 43888, '', 'root'),
 '/usr/bin/uncompress': (493, 2346, '', 'root'),
 '/usr/bin/unexpand': (493, 43952, '', 'root'),
 '/usr/bin/uniq': (493, 48080, '', 'root'),
 '/usr/bin/unlink': (493, 39760, '', 'root'),
 '/usr/bin/unmkinitramfs': (493, 3678, '', 'root'),
 '/usr/bin/unshare': (493, 84520, '', 'root'),
 '/usr/bin/unxz': (511, 0, 'xz', 'root'),
 '/usr/bin/unzstd': (511, 0, 'zstd', 'root'),
 '/usr/bin/update-alternatives': (493, 59712, '', 'root'),
 '/usr/bin/uptime': (493, 14648, '', 'root'),
 '/usr/bin/users': (493, 39824, '', 'root'),
 '/usr/bin/utmpdump': (493, 31032, '', 'root'),
 '/usr/bin/vdir': (493, 151344, '', 'root'),
 '/usr/bin/vmstat': (493, 35552, '', 'root'),
 '/usr/bin/w': (493, 22840, '', 'root'),
 '/usr/bin/wall': (493, 39224, '', 'root'),
 '/usr/bin/watch': (493, 27352, '', 'root'),
 '/usr/bin/wc': (493, 52280, '', 'root'),
 '/usr/bin/wdctl': (493, 72024, '', 'root'),
 '/usr/bin/wget': (493, 470384, '', 'root'),
 '/usr/bin/whatis': (493, 52520, '', 'root'),
 '/usr/bin/whereis': (493, 31504, '', 'root'),
 '/usr/bin/which.debianutils': (493, 946, '', 'root'),
 '/usr/bin/who': (493, 60432, '', 'root'),
 '/usr/bin/whoami': (493, 39792, '', 'root'),
 '/usr/bin/write': (493, 22848, '', 'root'),
 '/usr/bin/x86_64': (511, 0, 'setarch', 'root'),
 '/usr/bin/xargs': (493, 72136, '', 'root'),
 '/usr/bin/xsubpp': (493, 5167, '', 'root'),
 '/usr/bin/xz': (493, 84680, '', 'root'),
 '/usr/bin/xzcat': (511, 0, 'xz', 'root'),
 '/usr/bin/xzcmp': (511, 0, 'xzdiff', 'root'),
 '/usr/bin/xzdiff': (493, 7422, '', 'root'),
 '/usr/bin/xzegrep': (511, 0, 'xzgrep', 'root'),
 '/usr/bin/xzfgrep': (511, 0, 'xzgrep', 'root'),
 '/usr/bin/xzgrep': (493, 10333, '', 'root'),
 '/usr/bin/xzless': (493, 1813, '', 'root'),
 '/usr/bin/xzmore': (493, 2190, '', 'root'),
 '/usr/bin/yes': (493, 39760, '', 'root'),
 '/usr/bin/ypdomainname': (511, 0, 'hostname', 'root'),
 '/usr/bin/zcat': (493, 1984, '', 'root'),
 '/usr/bin/zcmp': (493, 1678, '', 'root'),
 '/usr/bin/zdiff': (493, 6460, '', 'root'),
 '/usr/bin/zdump': (493, 23064, '', 'root'),
 '/usr/bin/zegrep': (493, 29, '', 'root'),
 '/usr/bin/zfgrep': (493, 29, '', 'root'),
 '/usr/bin/zforce': (493, 2081, '', 'root'),
 '/usr/bin/zgrep': (493, 8103, '', 'root'),
 '/usr/bin/zipdetails': (493, 70193, '', 'root'),
 '/usr/bin/zless': (493, 2206, '', 'root'),
 '/usr/bin/zmore': (493, 1842, '', 'root'),
 '/usr/bin/znew': (493, 4577, '', 'root'),
 '/usr/bin/zstd': (493, 1276544, '', 'root'),
 '/usr/bin/zstdcat': (511, 0, 'zstd', 'root'),
 '/usr/bin/zstdgrep': (493, 3869, '', 'root'),
 '/usr/bin/zstdless': (493, 197, '', 'root'),
 '/usr/bin/zstdmt': (511, 0, 'zstd', 'root'),
 '/usr/sbin/a2disconf': (511, 0, 'a2enmod', 'root'),
 '/usr/sbin/a2dismod': (511, 0, 'a2enmod', 'root'),
 '/usr/sbin/a2dissite': (511, 0, 'a2enmod', 'root'),
 '/usr/sbin/a2enconf': (511, 0, 'a2enmod', 'root'),
 '/usr/sbin/a2enmod': (493, 16239, '', 'root'),
 '/usr/sbin/a2ensite': (511, 0, 'a2enmod', 'root'),
 '/usr/sbin/a2query': (493, 9831, '', 'root'),
 '/usr/sbin/accessdb': (493, 14808, '', 'root'),
 '/usr/sbin/add-shell': (493, 1053, '', 'root'),
 '/usr/sbin/addgroup': (511, 0, 'adduser', 'root'),
 '/usr/sbin/adduser': (493, 48382, '', 'root'),
 '/usr/sbin/agetty': (493, 69112, '', 'root'),
 '/usr/sbin/apache2': (493, 733728, '', 'root'),
 '/usr/sbin/apache2ctl': (493, 7366, '', 'root'),
 '/usr/sbin/apachectl': (511, 0, 'apache2ctl', 'root'),
 '/usr/sbin/arp': (493, 67720, '', 'root'),
 '/usr/sbin/arpd': (493, 106984, '', 'root'),
 '/usr/sbin/badblocks': (493, 35072, '', 'root'),
 '/usr/sbin/blkdeactivate': (493, 16347, '', 'root'),
 '/usr/sbin/blkdiscard': (493, 35136, '', 'root'),
 '/usr/sbin/blkid': (493, 125280, '', 'root'),
 '/usr/sbin/blkzone': (493, 80192, '', 'root'),
 '/usr/sbin/blockdev': (493, 80192, '', 'root'),
 '/usr/sbin/bridge': (493, 156200, '', 'root'),
 '/usr/sbin/capsh': (493, 54568, '', 'root'),
 '/usr/sbin/chcpu': (493, 47416, '', 'root'),
 '/usr/sbin/check_forensic': (493, 952, '', 'root'),
 '/usr/sbin/chgpasswd': (493, 67880, '', 'root'),
 '/usr/sbin/chmem': (493, 67904, '', 'root'),
 '/usr/sbin/chpasswd': (493, 63856, '', 'root'),
 '/usr/sbin/chroot': (493, 48112, '', 'root'),
 '/usr/sbin/cpgr': (511, 0, 'cppw', 'root'),
 '/usr/sbin/cppw': (493, 61880, '', 'root'),
 '/usr/sbin/cron': (493, 51776, '', 'root'),
 '/usr/sbin/ctrlaltdel': (493, 39224, '', 'root'),
 '/usr/sbin/dcb': (493, 148072, '', 'root'),
 '/usr/sbin/debugfs': (493, 239440, '', 'root'),
 '/usr/sbin/delgroup': (511, 0, 'deluser', 'root'),
 '/usr/sbin/deluser': (493, 16727, '', 'root'),
 '/usr/sbin/depmod': (511, 0, '/bin/kmod', 'root'),
 '/usr/sbin/devlink': (493, 226280, '', 'root'),
 '/usr/sbin/dmsetup': (493, 170984, '', 'root'),
 '/usr/sbin/dmstats': (511, 0, 'dmsetup', 'root'),
 '/usr/sbin/dpkg-fsys-usrunmess': (493, 17401, '', 'root'),
 '/usr/sbin/dpkg-preconfigure': (493, 3925, '', 'root'),
 '/usr/sbin/dpkg-reconfigure': (493, 4485, '', 'root'),
 '/usr/sbin/dropbear': (493, 176160, '', 'root'),
 '/usr/sbin/dumpe2fs': (493, 31040, '', 'root'),
 '/usr/sbin/e2freefrag': (493, 14648, '', 'root'),
 '/usr/sbin/e2fsck': (493, 356624, '', 'root'),
 '/usr/sbin/e2image': (493, 55760, '', 'root'),
 '/usr/sbin/e2label': (511, 0, 'tune2fs', 'root'),
 '/usr/sbin/e2mmpstatus': (511, 0, 'dumpe2fs', 'root'),
 '/usr/sbin/e2scrub': (493, 7294, '', 'root'),
 '/usr/sbin/e2scrub_all': (493, 5394, '', 'root'),
 '/usr/sbin/e2undo': (493, 22840, '', 'root'),
 '/usr/sbin/e4crypt': (493, 26936, '', 'root'),
 '/usr/sbin/e4defrag': (493, 30960, '', 'root'),
 '/usr/sbin/faillock': (493, 14584, '', 'root'),
 '/usr/sbin/filefrag': (493, 18696, '', 'root'),
 '/usr/sbin/findfs': (493, 14648, '', 'root'),
 '/usr/sbin/fsck': (493, 55664, '', 'root'),
 '/usr/sbin/fsck.cramfs': (493, 43384, '', 'root'),
 '/usr/sbin/fsck.ext2': (511, 0, 'e2fsck', 'root'),
 '/usr/sbin/fsck.ext3': (511, 0, 'e2fsck', 'root'),
 '/usr/sbin/fsck.ext4': (511, 0, 'e2fsck', 'root'),
 '/usr/sbin/fsck.minix': (493, 125272, '', 'root'),
 '/usr/sbin/fsfreeze': (493, 14648, '', 'root'),
 '/usr/sbin/fstab-decode': (493, 14576, '', 'root'),
 '/usr/sbin/fstrim': (493, 76096, '', 'root'),
 '/usr/sbin/genl': (493, 119304, '', 'root'),
 '/usr/sbin/getcap': (493, 14576, '', 'root'),
 '/usr/sbin/getpcaps': (493, 14576, '', 'root'),
 '/usr/sbin/getty': (511, 0, 'agetty', 'root'),
 '/usr/sbin/groupadd': (493, 101416, '', 'root'),
 '/usr/sbin/groupdel': (493, 88936, '', 'root'),
 '/usr/sbin/groupmems': (493, 67920, '', 'root'),
 '/usr/sbin/groupmod': (493, 101384, '', 'root'),
 '/usr/sbin/grpck': (493, 67888, '', 'root'),
 '/usr/sbin/grpconv': (493, 59536, '', 'root'),
 '/usr/sbin/grpunconv': (493, 59536, '', 'root'),
 '/usr/sbin/halt': (511, 0, '/bin/systemctl', 'root'),
 '/usr/sbin/httxt2dbm': (493, 14576, '', 'root'),
 '/usr/sbin/hwclock': (493, 88512, '', 'root'),
 '/usr/sbin/iconvconfig': (493, 31584, '', 'root'),
 '/usr/sbin/ifconfig': (493, 83976, '', 'root'),
 '/usr/sbin/init': (511, 0, '/lib/systemd/systemd', 'root'),
 '/usr/sbin/insmod': (511, 0, '/bin/kmod', 'root'),
 '/usr/sbin/installkernel': (493, 2659, '', 'root'),
 '/usr/sbin/invoke-rc.d': (493, 16517, '', 'root'),
 '/usr/sbin/ip': (511, 0, '/bin/ip', 'root'),
 '/usr/sbin/ipmaddr': (493, 19008, '', 'root'),
 '/usr/sbin/iptunnel': (493, 27192, '', 'root'),
 '/usr/sbin/isosize': (493, 31040, '', 'root'),
 '/usr/sbin/killall5': (493, 26944, '', 'root'),
 '/usr/sbin/ldattach': (493, 35136, '', 'root'),
 '/usr/sbin/ldconfig': (493, 982880, '', 'root'),
 '/usr/sbin/locale-gen': (493, 1411, '', 'root'),
 '/usr/sbin/logsave': (493, 14424, '', 'root'),
 '/usr/sbin/losetup': (493, 117168, '', 'root'),
 '/usr/sbin/lsmod': (511, 0, '/bin/kmod', 'root'),
 '/usr/sbin/mii-tool': (493, 27728, '', 'root'),
 '/usr/sbin/mke2fs': (493, 141904, '', 'root'),
 '/usr/sbin/mkfs': (493, 14648, '', 'root'),
 '/usr/sbin/mkfs.bfs': (493, 35136, '', 'root'),
 '/usr/sbin/mkfs.cramfs': (493, 43256, '', 'root'),
 '/usr/sbin/mkfs.ext2': (511, 0, 'mke2fs', 'root'),
 '/usr/sbin/mkfs.ext3': (511, 0, 'mke2fs', 'root'),
 '/usr/sbin/mkfs.ext4': (511, 0, 'mke2fs', 'root'),
 '/usr/sbin/mkfs.minix': (493, 112968, '', 'root'),
 '/usr/sbin/mkhomedir_helper': (493, 22800, '', 'root'),
 '/usr/sbin/mkinitramfs': (493, 12697, '', 'root'),
 '/usr/sbin/mklost+found': (493, 14576, '', 'root'),
 '/usr/sbin/mkswap': (493, 117056, '', 'root'),
 '/usr/sbin/modinfo': (511, 0, '/bin/kmod', 'root'),
 '/usr/sbin/modprobe': (511, 0, '/bin/kmod', 'root'),
 '/usr/sbin/nameif': (493, 15000, '', 'root'),
 '/usr/sbin/newusers': (493, 105392, '', 'root'),
 '/usr/sbin/nft': (493, 26776, '', 'root'),
 '/usr/sbin/nologin': (493, 14568, '', 'root'),
 '/usr/sbin/pam-auth-update': (493, 21288, '', 'root'),
 '/usr/sbin/pam_getenv': (493, 2890, '', 'root'),
 '/usr/sbin/pam_namespace_helper': (493, 467, '', 'root'),
 '/usr/sbin/pam_timestamp_check': (493, 14584, '', 'root'),
 '/usr/sbin/pivot_root': (493, 14648, '', 'root'),
 '/usr/sbin/plipconfig': (493, 14824, '', 'root'),
 '/usr/sbin/poweroff': (511, 0, '/bin/systemctl', 'root'),
 '/usr/sbin/pwck': (493, 59656, '', 'root'),
 '/usr/sbin/pwconv': (493, 55432, '', 'root'),
 '/usr/sbin/pwhistory_helper': (493, 18680, '', 'root'),
 '/usr/sbin/pwunconv': (493, 55472, '', 'root'),
 '/usr/sbin/rarp': (493, 38024, '', 'root'),
 '/usr/sbin/readprofile': (493, 35168, '', 'root'),
 '/usr/sbin/reboot': (511, 0, '/bin/systemctl', 'root'),
 '/usr/sbin/remove-shell': (493, 1111, '', 'root'),
 '/usr/sbin/resize2fs': (493, 63800, '', 'root'),
 '/usr/sbin/rmmod': (511, 0, '/bin/kmod', 'root'),
 '/usr/sbin/rmt-tar': (493, 60432, '', 'root'),
 '/usr/sbin/route': (493, 70832, '', 'root'),
 '/usr/sbin/rsyslogd': (493, 749352, '', 'root'),
 '/usr/sbin/rtacct': (493, 45432, '', 'root'),
 '/usr/sbin/rtcwake': (493, 47424, '', 'root'),
 '/usr/sbin/rtmon': (493, 115144, '', 'root'),
 '/usr/sbin/runlevel': (511, 0, '/bin/systemctl', 'root'),
 '/usr/sbin/runuser': (493, 72000, '', 'root'),
 '/usr/sbin/service': (493, 9107, '', 'root'),
 '/usr/sbin/setcap': (493, 14576, '', 'root'),
 '/usr/sbin/shadowconfig': (493, 2273, '', 'root'),
 '/usr/sbin/shutdown': (511, 0, '/bin/systemctl', 'root'),
 '/usr/sbin/slattach': (493, 42184, '', 'root'),
 '/usr/sbin/split-logfile': (493, 2415, '', 'root'),
 '/usr/sbin/start-stop-daemon': (493, 44464, '', 'root'),
 '/usr/sbin/sudo_logsrvd': (493, 250440, '', 'root'),
 '/usr/sbin/sudo_sendlog': (493, 155048, '', 'root'),
 '/usr/sbin/sulogin': (493, 55616, '', 'root'),
 '/usr/sbin/swaplabel': (493, 18744, '', 'root'),
 '/usr/sbin/swapoff': (493, 22840, '', 'root'),
 '/usr/sbin/swapon': (493, 51512, '', 'root'),
 '/usr/sbin/switch_root': (493, 18744, '', 'root'),
 '/usr/sbin/sysctl': (493, 31040, '', 'root'),
 '/usr/sbin/tarcat': (493, 936, '', 'root'),
 '/usr/sbin/tc': (493, 587776, '', 'root'),
 '/usr/sbin/telinit': (511, 0, '/bin/systemctl', 'root'),
 '/usr/sbin/tipc': (493, 156264, '', 'root'),
 '/usr/sbin/tune2fs': (493, 117264, '', 'root'),
 '/usr/sbin/unix_chkpwd': (1517, 39160, '', 'shadow'),
 '/usr/sbin/unix_update': (493, 39160, '', 'root'),
 '/usr/sbin/update-ca-certificates': (493, 5418, '', 'root'),
 '/usr/sbin/update-initramfs': (493, 6908, '', 'root'),
 '/usr/sbin/update-locale': (493, 3063, '', 'root'),
 '/usr/sbin/update-passwd': (493, 39416, '', 'root'),
 '/usr/sbin/update-rc.d': (493, 17742, '', 'root'),
 '/usr/sbin/update-shells': (493, 3984, '', 'root'),
 '/usr/sbin/useradd': (493, 159536, '', 'root'),
 '/usr/sbin/userdel': (493, 113608, '', 'root'),
 '/usr/sbin/usermod': (493, 147056, '', 'root'),
 '/usr/sbin/validlocale': (493, 1773, '', 'root'),
 '/usr/sbin/vdpa': (493, 119464, '', 'root'),
 '/usr/sbin/vigr': (511, 0, 'vipw', 'root'),
 '/usr/sbin/vipw': (493, 74384, '', 'root'),
 '/usr/sbin/visudo': (493, 262784, '', 'root'),
 '/usr/sbin/wipefs': (493, 47424, '', 'root'),
 '/usr/sbin/zic': (493, 60136, '', 'root'),
 '/usr/sbin/zramctl': (493, 117168, '', 'root')}

#: Packages apt installed as dependencies (apt-mark showauto).
AUTOMATIC = frozenset(['bsdextrautils',
 'dbus-bin',
 'dbus-daemon',
 'dbus-session-bus-common',
 'dbus-system-bus-common',
 'dmsetup',
 'gcc-12-base',
 'initramfs-tools-core',
 'klibc-utils',
 'libacl1',
 'libapparmor1',
 'libapr1',
 'libaprutil1',
 'libaprutil1-dbd-sqlite3',
 'libaprutil1-ldap',
 'libapt-pkg6.0',
 'libargon2-1',
 'libatomic1',
 'libattr1',
 'libaudit-common',
 'libaudit1',
 'libblkid1',
 'libbpf1',
 'libbrotli1',
 'libbsd0',
 'libbz2-1.0',
 'libcap-ng0',
 'libcap2',
 'libcbor0.8',
 'libcom-err2',
 'libcryptsetup12',
 'libcurl4',
 'libdb5.3',
 'libdbus-1-3',
 'libdebconfclient0',
 'libdevmapper1.02.1',
 'libedit2',
 'libelf1',
 'libestr0',
 'libexpat1',
 'libext2fs2',
 'libfastjson4',
 'libfdisk1',
 'libffi8',
 'libfido2-1',
 'libfstrm0',
 'libgcc-s1',
 'libgcrypt20',
 'libgdbm-compat4',
 'libgdbm6',
 'libgmp10',
 'libgnutls30',
 'libgpg-error0',
 'libgssapi-krb5-2',
 'libhogweed6',
 'libicu72',
 'libidn2-0',
 'libip4tc2',
 'libjansson4',
 'libjemalloc2',
 'libjson-c5',
 'libk5crypto3',
 'libkeyutils1',
 'libklibc',
 'libkmod2',
 'libkrb5-3',
 'libkrb5support0',
 'libldap-2.5-0',
 'liblmdb0',
 'liblognorm5',
 'liblua5.3-0',
 'liblz4-1',
 'liblzf1',
 'liblzma5',
 'libmagic-mgc',
 'libmagic1',
 'libmaxminddb0',
 'libmd0',
 'libmnl0',
 'libmount1',
 'libncursesw6',
 'libnettle8',
 'libnftables1',
 'libnftnl11',
 'libnghttp2-14',
 'libnsl2',
 'libp11-kit0',
 'libpam0g',
 'libpcre2-8-0',
 'libperl5.36',
 'libpipeline1',
 'libproc2-0',
 'libprotobuf-c1',
 'libpsl5',
 'libpython3-stdlib',
 'libreadline8',
 'librtmp1',
 'libsasl2-2',
 'libsasl2-modules-db',
 'libseccomp2',
 'libselinux1',
 'libsemanage-common',
 'libsemanage2',
 'libsepol2',
 'libsmartcols1',
 'libsqlite3-0',
 'libss2',
 'libssh2-1',
 'libssl3',
 'libstdc++6',
 'libsystemd-shared',
 'libsystemd0',
 'libtasn1-6',
 'libtinfo6',
 'libtirpc-common',
 'libtirpc3',
 'libuchardet0',
 'libudev1',
 'libunistring2',
 'libuuid1',
 'libuv1',
 'libxml2',
 'libxtables12',
 'libxxhash0',
 'libzstd1',
 'logsave',
 'openssl',
 'perl-modules-5.36',
 'readline-common',
 'usr-is-merged'])

#: apt-get install -y PKG without network: (stdout, stderr, status).
INSTALLS: dict[str, tuple[str, str, int]] = {'build-essential': ('Reading package lists... Done\n'
                     'Building dependency tree... Done\n'
                     'Reading state information... Done\n'
                     'The following additional packages will be installed:\n'
                     '  binutils binutils-common binutils-x86-64-linux-gnu cpp cpp-12 dirmngr\n'
                     '  dpkg-dev fakeroot fontconfig-config fonts-dejavu-core g++ g++-12 gcc '
                     'gcc-12\n'
                     '  gnupg gnupg-l10n gnupg-utils gpg gpg-agent gpg-wks-client '
                     'gpg-wks-server\n'
                     '  gpgconf gpgsm libabsl20220623 libalgorithm-diff-perl\n'
                     '  libalgorithm-diff-xs-perl libalgorithm-merge-perl libaom3 libasan8\n'
                     '  libassuan0 libavif15 libbinutils libc-dev-bin libc-devtools libc6-dev\n'
                     '  libcc1-0 libcrypt-dev libctf-nobfd0 libctf0 libdav1d6 libde265-0 '
                     'libdeflate0\n'
                     '  libdpkg-perl libfakeroot libfile-fcntllock-perl libfontconfig1 '
                     'libfreetype6\n'
                     '  libgav1-1 libgcc-12-dev libgd3 libgomp1 libgprofng0 libheif1 libisl23\n'
                     '  libitm1 libjbig0 libjpeg62-turbo libksba8 liblerc4 liblsan0 libmpc3 '
                     'libmpfr6\n'
                     '  libnpth0 libnsl-dev libnuma1 libpng16-16 libquadmath0 librav1e0\n'
                     '  libstdc++-12-dev libsvtav1enc1 libtiff6 libtirpc-dev libtsan2 '
                     'libubsan1\n'
                     '  libwebp7 libx11-6 libx11-data libx265-199 libxau6 libxcb1 libxdmcp6 '
                     'libxpm4\n'
                     '  libyuv0 linux-libc-dev make manpages-dev patch pinentry-curses '
                     'rpcsvc-proto\n'
                     'Suggested packages:\n'
                     '  binutils-doc cpp-doc gcc-12-locales cpp-12-doc dbus-user-session\n'
                     '  pinentry-gnome3 tor debian-keyring g++-multilib g++-12-multilib '
                     'gcc-12-doc\n'
                     '  gcc-multilib autoconf automake libtool flex bison gdb gcc-doc\n'
                     '  gcc-12-multilib parcimonie xloadimage scdaemon glibc-doc git bzr '
                     'libgd-tools\n'
                     '  libstdc++-12-doc make-doc ed diffutils-doc pinentry-doc\n'
                     'The following NEW packages will be installed:\n'
                     '  binutils binutils-common binutils-x86-64-linux-gnu build-essential '
                     'cpp\n'
                     '  cpp-12 dirmngr dpkg-dev fakeroot fontconfig-config fonts-dejavu-core '
                     'g++\n'
                     '  g++-12 gcc gcc-12 gnupg gnupg-l10n gnupg-utils gpg gpg-agent '
                     'gpg-wks-client\n'
                     '  gpg-wks-server gpgconf gpgsm libabsl20220623 libalgorithm-diff-perl\n'
                     '  libalgorithm-diff-xs-perl libalgorithm-merge-perl libaom3 libasan8\n'
                     '  libassuan0 libavif15 libbinutils libc-dev-bin libc-devtools libc6-dev\n'
                     '  libcc1-0 libcrypt-dev libctf-nobfd0 libctf0 libdav1d6 libde265-0 '
                     'libdeflate0\n'
                     '  libdpkg-perl libfakeroot libfile-fcntllock-perl libfontconfig1 '
                     'libfreetype6\n'
                     '  libgav1-1 libgcc-12-dev libgd3 libgomp1 libgprofng0 libheif1 libisl23\n'
                     '  libitm1 libjbig0 libjpeg62-turbo libksba8 liblerc4 liblsan0 libmpc3 '
                     'libmpfr6\n'
                     '  libnpth0 libnsl-dev libnuma1 libpng16-16 libquadmath0 librav1e0\n'
                     '  libstdc++-12-dev libsvtav1enc1 libtiff6 libtirpc-dev libtsan2 '
                     'libubsan1\n'
                     '  libwebp7 libx11-6 libx11-data libx265-199 libxau6 libxcb1 libxdmcp6 '
                     'libxpm4\n'
                     '  libyuv0 linux-libc-dev make manpages-dev patch pinentry-curses '
                     'rpcsvc-proto\n'
                     '0 upgraded, 90 newly installed, 0 to remove and 0 not upgraded.\n'
                     'Need to get 88.7 MB of archives.\n'
                     'After this operation, 336 MB of additional disk space will be used.\n'
                     'Err:1 http://deb.debian.org/debian bookworm/main amd64 binutils-common '
                     'amd64 2.40-2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:2 http://deb.debian.org/debian bookworm/main amd64 libbinutils amd64 '
                     '2.40-2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:3 http://deb.debian.org/debian bookworm/main amd64 libctf-nobfd0 '
                     'amd64 2.40-2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:4 http://deb.debian.org/debian bookworm/main amd64 libctf0 amd64 '
                     '2.40-2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:5 http://deb.debian.org/debian bookworm/main amd64 libgprofng0 amd64 '
                     '2.40-2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:6 http://deb.debian.org/debian bookworm/main amd64 '
                     'binutils-x86-64-linux-gnu amd64 2.40-2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:7 http://deb.debian.org/debian bookworm/main amd64 binutils amd64 '
                     '2.40-2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:8 http://deb.debian.org/debian bookworm/main amd64 libc-dev-bin '
                     'amd64 2.36-9+deb12u14\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:9 http://deb.debian.org/debian bookworm/main amd64 linux-libc-dev '
                     'amd64 6.1.176-1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:10 http://deb.debian.org/debian bookworm/main amd64 libcrypt-dev '
                     'amd64 1:4.4.33-2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:11 http://deb.debian.org/debian bookworm/main amd64 libtirpc-dev '
                     'amd64 1.3.3+ds-1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:12 http://deb.debian.org/debian bookworm/main amd64 libnsl-dev amd64 '
                     '1.3.0-2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:13 http://deb.debian.org/debian bookworm/main amd64 rpcsvc-proto '
                     'amd64 1.4.3-1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:14 http://deb.debian.org/debian bookworm/main amd64 libc6-dev amd64 '
                     '2.36-9+deb12u14\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:15 http://deb.debian.org/debian bookworm/main amd64 libisl23 amd64 '
                     '0.25-1.1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:16 http://deb.debian.org/debian bookworm/main amd64 libmpfr6 amd64 '
                     '4.2.0-1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:17 http://deb.debian.org/debian bookworm/main amd64 libmpc3 amd64 '
                     '1.3.1-1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:18 http://deb.debian.org/debian bookworm/main amd64 cpp-12 amd64 '
                     '12.2.0-14+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:19 http://deb.debian.org/debian bookworm/main amd64 cpp amd64 '
                     '4:12.2.0-3\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:20 http://deb.debian.org/debian bookworm/main amd64 libcc1-0 amd64 '
                     '12.2.0-14+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:21 http://deb.debian.org/debian bookworm/main amd64 libgomp1 amd64 '
                     '12.2.0-14+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:22 http://deb.debian.org/debian bookworm/main amd64 libitm1 amd64 '
                     '12.2.0-14+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:23 http://deb.debian.org/debian bookworm/main amd64 libasan8 amd64 '
                     '12.2.0-14+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:24 http://deb.debian.org/debian bookworm/main amd64 liblsan0 amd64 '
                     '12.2.0-14+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:25 http://deb.debian.org/debian bookworm/main amd64 libtsan2 amd64 '
                     '12.2.0-14+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:26 http://deb.debian.org/debian bookworm/main amd64 libubsan1 amd64 '
                     '12.2.0-14+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:27 http://deb.debian.org/debian bookworm/main amd64 libquadmath0 '
                     'amd64 12.2.0-14+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:28 http://deb.debian.org/debian bookworm/main amd64 libgcc-12-dev '
                     'amd64 12.2.0-14+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:29 http://deb.debian.org/debian bookworm/main amd64 gcc-12 amd64 '
                     '12.2.0-14+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:30 http://deb.debian.org/debian bookworm/main amd64 gcc amd64 '
                     '4:12.2.0-3\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:31 http://deb.debian.org/debian bookworm/main amd64 libstdc++-12-dev '
                     'amd64 12.2.0-14+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:32 http://deb.debian.org/debian bookworm/main amd64 g++-12 amd64 '
                     '12.2.0-14+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:33 http://deb.debian.org/debian bookworm/main amd64 g++ amd64 '
                     '4:12.2.0-3\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:34 http://deb.debian.org/debian bookworm/main amd64 make amd64 '
                     '4.3-4.1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:35 http://deb.debian.org/debian bookworm/main amd64 libdpkg-perl all '
                     '1.21.23\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:36 http://deb.debian.org/debian bookworm/main amd64 patch amd64 '
                     '2.7.6-7\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:37 http://deb.debian.org/debian bookworm/main amd64 dpkg-dev all '
                     '1.21.23\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:38 http://deb.debian.org/debian bookworm/main amd64 build-essential '
                     'amd64 12.9\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:39 http://deb.debian.org/debian bookworm/main amd64 libassuan0 amd64 '
                     '2.5.5-5\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:40 http://deb.debian.org/debian bookworm/main amd64 gpgconf amd64 '
                     '2.2.40-1.1+deb12u2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:41 http://deb.debian.org/debian bookworm/main amd64 libksba8 amd64 '
                     '1.6.3-2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:42 http://deb.debian.org/debian bookworm/main amd64 libnpth0 amd64 '
                     '1.6-3\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:43 http://deb.debian.org/debian bookworm/main amd64 dirmngr amd64 '
                     '2.2.40-1.1+deb12u2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:44 http://deb.debian.org/debian bookworm/main amd64 libfakeroot '
                     'amd64 1.31-1.2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:45 http://deb.debian.org/debian bookworm/main amd64 fakeroot amd64 '
                     '1.31-1.2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:46 http://deb.debian.org/debian bookworm/main amd64 '
                     'fonts-dejavu-core all 2.37-6\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:47 http://deb.debian.org/debian bookworm/main amd64 '
                     'fontconfig-config amd64 2.14.1-4\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:48 http://deb.debian.org/debian bookworm/main amd64 gnupg-l10n all '
                     '2.2.40-1.1+deb12u2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:49 http://deb.debian.org/debian bookworm/main amd64 gnupg-utils '
                     'amd64 2.2.40-1.1+deb12u2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:50 http://deb.debian.org/debian bookworm/main amd64 gpg amd64 '
                     '2.2.40-1.1+deb12u2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:51 http://deb.debian.org/debian bookworm/main amd64 pinentry-curses '
                     'amd64 1.2.1-1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:52 http://deb.debian.org/debian bookworm/main amd64 gpg-agent amd64 '
                     '2.2.40-1.1+deb12u2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:53 http://deb.debian.org/debian bookworm/main amd64 gpg-wks-client '
                     'amd64 2.2.40-1.1+deb12u2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:54 http://deb.debian.org/debian bookworm/main amd64 gpg-wks-server '
                     'amd64 2.2.40-1.1+deb12u2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:55 http://deb.debian.org/debian bookworm/main amd64 gpgsm amd64 '
                     '2.2.40-1.1+deb12u2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:56 http://deb.debian.org/debian bookworm/main amd64 gnupg all '
                     '2.2.40-1.1+deb12u2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:57 http://deb.debian.org/debian bookworm/main amd64 libabsl20220623 '
                     'amd64 20220623.1-1+deb12u2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:58 http://deb.debian.org/debian bookworm/main amd64 '
                     'libalgorithm-diff-perl all 1.201-1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:59 http://deb.debian.org/debian bookworm/main amd64 '
                     'libalgorithm-diff-xs-perl amd64 0.04-8+b1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:60 http://deb.debian.org/debian bookworm/main amd64 '
                     'libalgorithm-merge-perl all 0.08-5\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:61 http://deb.debian.org/debian bookworm/main amd64 libaom3 amd64 '
                     '3.6.0-1+deb12u2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:62 http://deb.debian.org/debian bookworm/main amd64 libdav1d6 amd64 '
                     '1.0.0-2+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:63 http://deb.debian.org/debian bookworm/main amd64 libgav1-1 amd64 '
                     '0.18.0-1+b1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:64 http://deb.debian.org/debian bookworm/main amd64 librav1e0 amd64 '
                     '0.5.1-6\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:65 http://deb.debian.org/debian bookworm/main amd64 libsvtav1enc1 '
                     'amd64 1.4.1+dfsg-1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:66 http://deb.debian.org/debian bookworm/main amd64 libjpeg62-turbo '
                     'amd64 1:2.1.5-2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:67 http://deb.debian.org/debian bookworm/main amd64 libyuv0 amd64 '
                     '0.0~git20230123.b2528b0-1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:68 http://deb.debian.org/debian bookworm/main amd64 libavif15 amd64 '
                     '0.11.1-1+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:69 http://deb.debian.org/debian bookworm/main amd64 libpng16-16 '
                     'amd64 1.6.39-2+deb12u5\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:70 http://deb.debian.org/debian bookworm/main amd64 libfreetype6 '
                     'amd64 2.12.1+dfsg-5+deb12u4\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:71 http://deb.debian.org/debian bookworm/main amd64 libfontconfig1 '
                     'amd64 2.14.1-4\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:72 http://deb.debian.org/debian bookworm/main amd64 libde265-0 amd64 '
                     '1.0.11-1+deb12u2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:73 http://deb.debian.org/debian bookworm/main amd64 libnuma1 amd64 '
                     '2.0.16-1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:74 http://deb.debian.org/debian bookworm/main amd64 libx265-199 '
                     'amd64 3.5-2+b1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:75 http://deb.debian.org/debian bookworm/main amd64 libheif1 amd64 '
                     '1.15.1-1+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:76 http://deb.debian.org/debian bookworm/main amd64 libdeflate0 '
                     'amd64 1.14-1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:77 http://deb.debian.org/debian bookworm/main amd64 libjbig0 amd64 '
                     '2.1-6.1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:78 http://deb.debian.org/debian bookworm/main amd64 liblerc4 amd64 '
                     '4.0.0+ds-2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:79 http://deb.debian.org/debian bookworm/main amd64 libwebp7 amd64 '
                     '1.2.4-0.2+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:80 http://deb.debian.org/debian bookworm/main amd64 libtiff6 amd64 '
                     '4.5.0-6+deb12u4\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:81 http://deb.debian.org/debian bookworm/main amd64 libxau6 amd64 '
                     '1:1.0.9-1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:82 http://deb.debian.org/debian bookworm/main amd64 libxdmcp6 amd64 '
                     '1:1.1.2-3\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:83 http://deb.debian.org/debian bookworm/main amd64 libxcb1 amd64 '
                     '1.15-1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:84 http://deb.debian.org/debian bookworm/main amd64 libx11-data all '
                     '2:1.8.4-2+deb12u2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:85 http://deb.debian.org/debian bookworm/main amd64 libx11-6 amd64 '
                     '2:1.8.4-2+deb12u2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:86 http://deb.debian.org/debian bookworm/main amd64 libxpm4 amd64 '
                     '1:3.5.12-1.1+deb12u1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:87 http://deb.debian.org/debian bookworm/main amd64 libgd3 amd64 '
                     '2.3.3-9\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:88 http://deb.debian.org/debian bookworm/main amd64 libc-devtools '
                     'amd64 2.36-9+deb12u14\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:89 http://deb.debian.org/debian bookworm/main amd64 '
                     'libfile-fcntllock-perl amd64 0.22-4+b1\n'
                     "  Temporary failure resolving 'deb.debian.org'\n"
                     'Err:90 http://deb.debian.org/debian bookworm/main amd64 manpages-dev all '
                     '6.03-2\n'
                     "  Temporary failure resolving 'deb.debian.org'\n",
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/b/binutils/binutils-common_2.40-2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/b/binutils/libbinutils_2.40-2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/b/binutils/libctf-nobfd0_2.40-2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/b/binutils/libctf0_2.40-2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/b/binutils/libgprofng0_2.40-2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/b/binutils/binutils-x86-64-linux-gnu_2.40-2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/b/binutils/binutils_2.40-2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/glibc/libc-dev-bin_2.36-9%2bdeb12u14_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/l/linux/linux-libc-dev_6.1.176-1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libx/libxcrypt/libcrypt-dev_4.4.33-2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libt/libtirpc/libtirpc-dev_1.3.3%2bds-1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libn/libnsl/libnsl-dev_1.3.0-2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/r/rpcsvc-proto/rpcsvc-proto_1.4.3-1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/glibc/libc6-dev_2.36-9%2bdeb12u14_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/i/isl/libisl23_0.25-1.1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/m/mpfr4/libmpfr6_4.2.0-1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/m/mpclib3/libmpc3_1.3.1-1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gcc-12/cpp-12_12.2.0-14%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gcc-defaults/cpp_12.2.0-3_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gcc-12/libcc1-0_12.2.0-14%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gcc-12/libgomp1_12.2.0-14%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gcc-12/libitm1_12.2.0-14%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gcc-12/libasan8_12.2.0-14%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gcc-12/liblsan0_12.2.0-14%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gcc-12/libtsan2_12.2.0-14%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gcc-12/libubsan1_12.2.0-14%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gcc-12/libquadmath0_12.2.0-14%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gcc-12/libgcc-12-dev_12.2.0-14%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gcc-12/gcc-12_12.2.0-14%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gcc-defaults/gcc_12.2.0-3_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gcc-12/libstdc%2b%2b-12-dev_12.2.0-14%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gcc-12/g%2b%2b-12_12.2.0-14%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gcc-defaults/g%2b%2b_12.2.0-3_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/m/make-dfsg/make_4.3-4.1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/d/dpkg/libdpkg-perl_1.21.23_all.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/p/patch/patch_2.7.6-7_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/d/dpkg/dpkg-dev_1.21.23_all.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/b/build-essential/build-essential_12.9_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/liba/libassuan/libassuan0_2.5.5-5_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gnupg2/gpgconf_2.2.40-1.1%2bdeb12u2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libk/libksba/libksba8_1.6.3-2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/n/npth/libnpth0_1.6-3_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gnupg2/dirmngr_2.2.40-1.1%2bdeb12u2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/f/fakeroot/libfakeroot_1.31-1.2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/f/fakeroot/fakeroot_1.31-1.2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/f/fonts-dejavu/fonts-dejavu-core_2.37-6_all.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/f/fontconfig/fontconfig-config_2.14.1-4_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gnupg2/gnupg-l10n_2.2.40-1.1%2bdeb12u2_all.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gnupg2/gnupg-utils_2.2.40-1.1%2bdeb12u2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gnupg2/gpg_2.2.40-1.1%2bdeb12u2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/p/pinentry/pinentry-curses_1.2.1-1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gnupg2/gpg-agent_2.2.40-1.1%2bdeb12u2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gnupg2/gpg-wks-client_2.2.40-1.1%2bdeb12u2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gnupg2/gpg-wks-server_2.2.40-1.1%2bdeb12u2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gnupg2/gpgsm_2.2.40-1.1%2bdeb12u2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/gnupg2/gnupg_2.2.40-1.1%2bdeb12u2_all.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/a/abseil/libabsl20220623_20220623.1-1%2bdeb12u2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/liba/libalgorithm-diff-perl/libalgorithm-diff-perl_1.201-1_all.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/liba/libalgorithm-diff-xs-perl/libalgorithm-diff-xs-perl_0.04-8%2bb1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/liba/libalgorithm-merge-perl/libalgorithm-merge-perl_0.08-5_all.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/a/aom/libaom3_3.6.0-1%2bdeb12u2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/d/dav1d/libdav1d6_1.0.0-2%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libg/libgav1/libgav1-1_0.18.0-1%2bb1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/r/rust-rav1e/librav1e0_0.5.1-6_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/s/svt-av1/libsvtav1enc1_1.4.1%2bdfsg-1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libj/libjpeg-turbo/libjpeg62-turbo_2.1.5-2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/liby/libyuv/libyuv0_0.0%7egit20230123.b2528b0-1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/liba/libavif/libavif15_0.11.1-1%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libp/libpng1.6/libpng16-16_1.6.39-2%2bdeb12u5_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/f/freetype/libfreetype6_2.12.1%2bdfsg-5%2bdeb12u4_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/f/fontconfig/libfontconfig1_2.14.1-4_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libd/libde265/libde265-0_1.0.11-1%2bdeb12u2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/n/numactl/libnuma1_2.0.16-1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/x/x265/libx265-199_3.5-2%2bb1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libh/libheif/libheif1_1.15.1-1%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libd/libdeflate/libdeflate0_1.14-1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/j/jbigkit/libjbig0_2.1-6.1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/l/lerc/liblerc4_4.0.0%2bds-2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libw/libwebp/libwebp7_1.2.4-0.2%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/t/tiff/libtiff6_4.5.0-6%2bdeb12u4_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libx/libxau/libxau6_1.0.9-1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libx/libxdmcp/libxdmcp6_1.1.2-3_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libx/libxcb/libxcb1_1.15-1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libx/libx11/libx11-data_1.8.4-2%2bdeb12u2_all.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libx/libx11/libx11-6_1.8.4-2%2bdeb12u2_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libx/libxpm/libxpm4_3.5.12-1.1%2bdeb12u1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libg/libgd2/libgd3_2.3.3-9_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/g/glibc/libc-devtools_2.36-9%2bdeb12u14_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/libf/libfile-fcntllock-perl/libfile-fcntllock-perl_0.22-4%2bb1_amd64.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Failed to fetch '
                     'http://deb.debian.org/debian/pool/main/m/manpages/manpages-dev_6.03-2_all.deb  '
                     "Temporary failure resolving 'deb.debian.org'\n"
                     'E: Unable to fetch some archives, maybe run apt-get update or try with '
                     '--fix-missing?\n',
                     100),
 'docker.io': ('Reading package lists... Done\n'
               'Building dependency tree... Done\n'
               'Reading state information... Done\n'
               'The following additional packages will be installed:\n'
               '  apparmor binutils binutils-common binutils-x86-64-linux-gnu cgroupfs-mount\n'
               '  containerd criu git git-man iptables libbinutils libctf-nobfd0 libctf0\n'
               '  libcurl3-gnutls liberror-perl libgprofng0 libintl-perl libintl-xs-perl\n'
               '  libip6tc2 libmodule-find-perl libnet1 libnetfilter-conntrack3 libnfnetlink0\n'
               '  libnl-3-200 libproc-processtable-perl libprotobuf32 libsort-naturally-perl\n'
               '  libterm-readkey-perl needrestart patch python3-protobuf runc sgml-base tini\n'
               'Suggested packages:\n'
               '  apparmor-profiles-extra apparmor-utils binutils-doc\n'
               '  containernetworking-plugins docker-doc aufs-tools btrfs-progs debootstrap\n'
               '  rinse rootlesskit xfsprogs zfs-fuse | zfsutils-linux git-daemon-run\n'
               '  | git-daemon-sysvinit git-doc git-email git-gui gitk gitweb git-cvs\n'
               '  git-mediawiki git-svn firewalld needrestart-session | libnotify-bin\n'
               '  iucode-tool ed diffutils-doc sgml-base-doc\n'
               'The following NEW packages will be installed:\n'
               '  apparmor binutils binutils-common binutils-x86-64-linux-gnu cgroupfs-mount\n'
               '  containerd criu docker.io git git-man iptables libbinutils libctf-nobfd0\n'
               '  libctf0 libcurl3-gnutls liberror-perl libgprofng0 libintl-perl\n'
               '  libintl-xs-perl libip6tc2 libmodule-find-perl libnet1\n'
               '  libnetfilter-conntrack3 libnfnetlink0 libnl-3-200 libproc-processtable-perl\n'
               '  libprotobuf32 libsort-naturally-perl libterm-readkey-perl needrestart patch\n'
               '  python3-protobuf runc sgml-base tini\n'
               '0 upgraded, 35 newly installed, 0 to remove and 0 not upgraded.\n'
               'Need to get 85.3 MB of archives.\n'
               'After this operation, 363 MB of additional disk space will be used.\n'
               'Err:1 http://deb.debian.org/debian bookworm/main amd64 runc amd64 '
               '1.1.5+ds1-1+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:2 http://deb.debian.org/debian bookworm/main amd64 containerd amd64 '
               '1.6.20~ds1-1+deb12u3\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:3 http://deb.debian.org/debian bookworm/main amd64 libip6tc2 amd64 '
               '1.8.9-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:4 http://deb.debian.org/debian bookworm/main amd64 libnfnetlink0 amd64 '
               '1.0.2-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:5 http://deb.debian.org/debian bookworm/main amd64 libnetfilter-conntrack3 '
               'amd64 1.0.9-3\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:6 http://deb.debian.org/debian bookworm/main amd64 iptables amd64 1.8.9-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:7 http://deb.debian.org/debian bookworm/main amd64 tini amd64 0.19.0-1+b3\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:8 http://deb.debian.org/debian bookworm/main amd64 docker.io amd64 '
               '20.10.24+dfsg1-1+deb12u1+b6\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:9 http://deb.debian.org/debian bookworm/main amd64 sgml-base all 1.31\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:10 http://deb.debian.org/debian bookworm/main amd64 apparmor amd64 '
               '3.0.8-3\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:11 http://deb.debian.org/debian bookworm/main amd64 binutils-common amd64 '
               '2.40-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:12 http://deb.debian.org/debian bookworm/main amd64 libbinutils amd64 '
               '2.40-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:13 http://deb.debian.org/debian bookworm/main amd64 libctf-nobfd0 amd64 '
               '2.40-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:14 http://deb.debian.org/debian bookworm/main amd64 libctf0 amd64 2.40-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:15 http://deb.debian.org/debian bookworm/main amd64 libgprofng0 amd64 '
               '2.40-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:16 http://deb.debian.org/debian bookworm/main amd64 '
               'binutils-x86-64-linux-gnu amd64 2.40-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:17 http://deb.debian.org/debian bookworm/main amd64 binutils amd64 2.40-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:18 http://deb.debian.org/debian bookworm/main amd64 cgroupfs-mount all '
               '1.4\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:19 http://deb.debian.org/debian bookworm/main amd64 libprotobuf32 amd64 '
               '3.21.12-3+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:20 http://deb.debian.org/debian bookworm/main amd64 python3-protobuf amd64 '
               '3.21.12-3+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:21 http://deb.debian.org/debian bookworm/main amd64 libnet1 amd64 '
               '1.1.6+dfsg-3.2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:22 http://deb.debian.org/debian bookworm/main amd64 libnl-3-200 amd64 '
               '3.7.0-0.2+b1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:23 http://deb.debian.org/debian bookworm/main amd64 criu amd64 '
               '3.17.1-2+deb12u2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:24 http://deb.debian.org/debian bookworm/main amd64 libcurl3-gnutls amd64 '
               '7.88.1-10+deb12u15\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:25 http://deb.debian.org/debian bookworm/main amd64 liberror-perl all '
               '0.17029-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:26 http://deb.debian.org/debian bookworm/main amd64 git-man all '
               '1:2.39.5-0+deb12u3\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:27 http://deb.debian.org/debian bookworm/main amd64 git amd64 '
               '1:2.39.5-0+deb12u3\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:28 http://deb.debian.org/debian bookworm/main amd64 libintl-perl all '
               '1.33-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:29 http://deb.debian.org/debian bookworm/main amd64 libintl-xs-perl amd64 '
               '1.33-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:30 http://deb.debian.org/debian bookworm/main amd64 libmodule-find-perl '
               'all 0.16-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:31 http://deb.debian.org/debian bookworm/main amd64 '
               'libproc-processtable-perl amd64 0.634-1+b2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:32 http://deb.debian.org/debian bookworm/main amd64 libsort-naturally-perl '
               'all 1.03-4\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:33 http://deb.debian.org/debian bookworm/main amd64 libterm-readkey-perl '
               'amd64 2.38-2+b1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:34 http://deb.debian.org/debian bookworm/main amd64 needrestart all '
               '3.6-4+deb12u3\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:35 http://deb.debian.org/debian bookworm/main amd64 patch amd64 2.7.6-7\n'
               "  Temporary failure resolving 'deb.debian.org'\n",
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/r/runc/runc_1.1.5%2bds1-1%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/c/containerd/containerd_1.6.20%7eds1-1%2bdeb12u3_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/i/iptables/libip6tc2_1.8.9-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libn/libnfnetlink/libnfnetlink0_1.0.2-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libn/libnetfilter-conntrack/libnetfilter-conntrack3_1.0.9-3_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/i/iptables/iptables_1.8.9-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/t/tini/tini_0.19.0-1%2bb3_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/d/docker.io/docker.io_20.10.24%2bdfsg1-1%2bdeb12u1%2bb6_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/s/sgml-base/sgml-base_1.31_all.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/a/apparmor/apparmor_3.0.8-3_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/b/binutils/binutils-common_2.40-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/b/binutils/libbinutils_2.40-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/b/binutils/libctf-nobfd0_2.40-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/b/binutils/libctf0_2.40-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/b/binutils/libgprofng0_2.40-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/b/binutils/binutils-x86-64-linux-gnu_2.40-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/b/binutils/binutils_2.40-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/c/cgroupfs-mount/cgroupfs-mount_1.4_all.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/p/protobuf/libprotobuf32_3.21.12-3%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/p/protobuf/python3-protobuf_3.21.12-3%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libn/libnet/libnet1_1.1.6%2bdfsg-3.2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libn/libnl3/libnl-3-200_3.7.0-0.2%2bb1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/c/criu/criu_3.17.1-2%2bdeb12u2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/c/curl/libcurl3-gnutls_7.88.1-10%2bdeb12u15_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libe/liberror-perl/liberror-perl_0.17029-2_all.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/git/git-man_2.39.5-0%2bdeb12u3_all.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/git/git_2.39.5-0%2bdeb12u3_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libi/libintl-perl/libintl-perl_1.33-1_all.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libi/libintl-perl/libintl-xs-perl_1.33-1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libm/libmodule-find-perl/libmodule-find-perl_0.16-2_all.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libp/libproc-processtable-perl/libproc-processtable-perl_0.634-1%2bb2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libs/libsort-naturally-perl/libsort-naturally-perl_1.03-4_all.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libt/libterm-readkey-perl/libterm-readkey-perl_2.38-2%2bb1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/n/needrestart/needrestart_3.6-4%2bdeb12u3_all.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/p/patch/patch_2.7.6-7_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Unable to fetch some archives, maybe run apt-get update or try with '
               '--fix-missing?\n',
               100),
 'gcc': ('Reading package lists... Done\n'
         'Building dependency tree... Done\n'
         'Reading state information... Done\n'
         'The following additional packages will be installed:\n'
         '  binutils binutils-common binutils-x86-64-linux-gnu cpp cpp-12\n'
         '  fontconfig-config fonts-dejavu-core gcc-12 libabsl20220623 libaom3 libasan8\n'
         '  libavif15 libbinutils libc-dev-bin libc-devtools libc6-dev libcc1-0\n'
         '  libcrypt-dev libctf-nobfd0 libctf0 libdav1d6 libde265-0 libdeflate0\n'
         '  libfontconfig1 libfreetype6 libgav1-1 libgcc-12-dev libgd3 libgomp1\n'
         '  libgprofng0 libheif1 libisl23 libitm1 libjbig0 libjpeg62-turbo liblerc4\n'
         '  liblsan0 libmpc3 libmpfr6 libnsl-dev libnuma1 libpng16-16 libquadmath0\n'
         '  librav1e0 libsvtav1enc1 libtiff6 libtirpc-dev libtsan2 libubsan1 libwebp7\n'
         '  libx11-6 libx11-data libx265-199 libxau6 libxcb1 libxdmcp6 libxpm4 libyuv0\n'
         '  linux-libc-dev manpages-dev rpcsvc-proto\n'
         'Suggested packages:\n'
         '  binutils-doc cpp-doc gcc-12-locales cpp-12-doc gcc-multilib make autoconf\n'
         '  automake libtool flex bison gdb gcc-doc gcc-12-multilib gcc-12-doc glibc-doc\n'
         '  libgd-tools\n'
         'The following NEW packages will be installed:\n'
         '  binutils binutils-common binutils-x86-64-linux-gnu cpp cpp-12\n'
         '  fontconfig-config fonts-dejavu-core gcc gcc-12 libabsl20220623 libaom3\n'
         '  libasan8 libavif15 libbinutils libc-dev-bin libc-devtools libc6-dev libcc1-0\n'
         '  libcrypt-dev libctf-nobfd0 libctf0 libdav1d6 libde265-0 libdeflate0\n'
         '  libfontconfig1 libfreetype6 libgav1-1 libgcc-12-dev libgd3 libgomp1\n'
         '  libgprofng0 libheif1 libisl23 libitm1 libjbig0 libjpeg62-turbo liblerc4\n'
         '  liblsan0 libmpc3 libmpfr6 libnsl-dev libnuma1 libpng16-16 libquadmath0\n'
         '  librav1e0 libsvtav1enc1 libtiff6 libtirpc-dev libtsan2 libubsan1 libwebp7\n'
         '  libx11-6 libx11-data libx265-199 libxau6 libxcb1 libxdmcp6 libxpm4 libyuv0\n'
         '  linux-libc-dev manpages-dev rpcsvc-proto\n'
         '0 upgraded, 62 newly installed, 0 to remove and 0 not upgraded.\n'
         'Need to get 65.4 MB of archives.\n'
         'After this operation, 256 MB of additional disk space will be used.\n'
         'Err:1 http://deb.debian.org/debian bookworm/main amd64 binutils-common amd64 2.40-2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:2 http://deb.debian.org/debian bookworm/main amd64 libbinutils amd64 2.40-2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:3 http://deb.debian.org/debian bookworm/main amd64 libctf-nobfd0 amd64 2.40-2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:4 http://deb.debian.org/debian bookworm/main amd64 libctf0 amd64 2.40-2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:5 http://deb.debian.org/debian bookworm/main amd64 libgprofng0 amd64 2.40-2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:6 http://deb.debian.org/debian bookworm/main amd64 binutils-x86-64-linux-gnu '
         'amd64 2.40-2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:7 http://deb.debian.org/debian bookworm/main amd64 binutils amd64 2.40-2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:8 http://deb.debian.org/debian bookworm/main amd64 libisl23 amd64 0.25-1.1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:9 http://deb.debian.org/debian bookworm/main amd64 libmpfr6 amd64 4.2.0-1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:10 http://deb.debian.org/debian bookworm/main amd64 libmpc3 amd64 1.3.1-1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:11 http://deb.debian.org/debian bookworm/main amd64 cpp-12 amd64 '
         '12.2.0-14+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:12 http://deb.debian.org/debian bookworm/main amd64 cpp amd64 4:12.2.0-3\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:13 http://deb.debian.org/debian bookworm/main amd64 fonts-dejavu-core all '
         '2.37-6\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:14 http://deb.debian.org/debian bookworm/main amd64 fontconfig-config amd64 '
         '2.14.1-4\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:15 http://deb.debian.org/debian bookworm/main amd64 libcc1-0 amd64 '
         '12.2.0-14+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:16 http://deb.debian.org/debian bookworm/main amd64 libgomp1 amd64 '
         '12.2.0-14+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:17 http://deb.debian.org/debian bookworm/main amd64 libitm1 amd64 '
         '12.2.0-14+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:18 http://deb.debian.org/debian bookworm/main amd64 libasan8 amd64 '
         '12.2.0-14+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:19 http://deb.debian.org/debian bookworm/main amd64 liblsan0 amd64 '
         '12.2.0-14+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:20 http://deb.debian.org/debian bookworm/main amd64 libtsan2 amd64 '
         '12.2.0-14+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:21 http://deb.debian.org/debian bookworm/main amd64 libubsan1 amd64 '
         '12.2.0-14+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:22 http://deb.debian.org/debian bookworm/main amd64 libquadmath0 amd64 '
         '12.2.0-14+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:23 http://deb.debian.org/debian bookworm/main amd64 libgcc-12-dev amd64 '
         '12.2.0-14+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:24 http://deb.debian.org/debian bookworm/main amd64 gcc-12 amd64 '
         '12.2.0-14+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:25 http://deb.debian.org/debian bookworm/main amd64 gcc amd64 4:12.2.0-3\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:26 http://deb.debian.org/debian bookworm/main amd64 libabsl20220623 amd64 '
         '20220623.1-1+deb12u2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:27 http://deb.debian.org/debian bookworm/main amd64 libaom3 amd64 '
         '3.6.0-1+deb12u2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:28 http://deb.debian.org/debian bookworm/main amd64 libdav1d6 amd64 '
         '1.0.0-2+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:29 http://deb.debian.org/debian bookworm/main amd64 libgav1-1 amd64 0.18.0-1+b1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:30 http://deb.debian.org/debian bookworm/main amd64 librav1e0 amd64 0.5.1-6\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:31 http://deb.debian.org/debian bookworm/main amd64 libsvtav1enc1 amd64 '
         '1.4.1+dfsg-1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:32 http://deb.debian.org/debian bookworm/main amd64 libjpeg62-turbo amd64 '
         '1:2.1.5-2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:33 http://deb.debian.org/debian bookworm/main amd64 libyuv0 amd64 '
         '0.0~git20230123.b2528b0-1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:34 http://deb.debian.org/debian bookworm/main amd64 libavif15 amd64 '
         '0.11.1-1+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:35 http://deb.debian.org/debian bookworm/main amd64 libc-dev-bin amd64 '
         '2.36-9+deb12u14\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:36 http://deb.debian.org/debian bookworm/main amd64 libpng16-16 amd64 '
         '1.6.39-2+deb12u5\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:37 http://deb.debian.org/debian bookworm/main amd64 libfreetype6 amd64 '
         '2.12.1+dfsg-5+deb12u4\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:38 http://deb.debian.org/debian bookworm/main amd64 libfontconfig1 amd64 '
         '2.14.1-4\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:39 http://deb.debian.org/debian bookworm/main amd64 libde265-0 amd64 '
         '1.0.11-1+deb12u2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:40 http://deb.debian.org/debian bookworm/main amd64 libnuma1 amd64 2.0.16-1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:41 http://deb.debian.org/debian bookworm/main amd64 libx265-199 amd64 3.5-2+b1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:42 http://deb.debian.org/debian bookworm/main amd64 libheif1 amd64 '
         '1.15.1-1+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:43 http://deb.debian.org/debian bookworm/main amd64 libdeflate0 amd64 1.14-1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:44 http://deb.debian.org/debian bookworm/main amd64 libjbig0 amd64 2.1-6.1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:45 http://deb.debian.org/debian bookworm/main amd64 liblerc4 amd64 4.0.0+ds-2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:46 http://deb.debian.org/debian bookworm/main amd64 libwebp7 amd64 '
         '1.2.4-0.2+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:47 http://deb.debian.org/debian bookworm/main amd64 libtiff6 amd64 '
         '4.5.0-6+deb12u4\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:48 http://deb.debian.org/debian bookworm/main amd64 libxau6 amd64 1:1.0.9-1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:49 http://deb.debian.org/debian bookworm/main amd64 libxdmcp6 amd64 1:1.1.2-3\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:50 http://deb.debian.org/debian bookworm/main amd64 libxcb1 amd64 1.15-1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:51 http://deb.debian.org/debian bookworm/main amd64 libx11-data all '
         '2:1.8.4-2+deb12u2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:52 http://deb.debian.org/debian bookworm/main amd64 libx11-6 amd64 '
         '2:1.8.4-2+deb12u2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:53 http://deb.debian.org/debian bookworm/main amd64 libxpm4 amd64 '
         '1:3.5.12-1.1+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:54 http://deb.debian.org/debian bookworm/main amd64 libgd3 amd64 2.3.3-9\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:55 http://deb.debian.org/debian bookworm/main amd64 libc-devtools amd64 '
         '2.36-9+deb12u14\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:56 http://deb.debian.org/debian bookworm/main amd64 linux-libc-dev amd64 '
         '6.1.176-1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:57 http://deb.debian.org/debian bookworm/main amd64 libcrypt-dev amd64 '
         '1:4.4.33-2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:58 http://deb.debian.org/debian bookworm/main amd64 libtirpc-dev amd64 '
         '1.3.3+ds-1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:59 http://deb.debian.org/debian bookworm/main amd64 libnsl-dev amd64 1.3.0-2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:60 http://deb.debian.org/debian bookworm/main amd64 rpcsvc-proto amd64 1.4.3-1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:61 http://deb.debian.org/debian bookworm/main amd64 libc6-dev amd64 '
         '2.36-9+deb12u14\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:62 http://deb.debian.org/debian bookworm/main amd64 manpages-dev all 6.03-2\n'
         "  Temporary failure resolving 'deb.debian.org'\n",
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/b/binutils/binutils-common_2.40-2_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/b/binutils/libbinutils_2.40-2_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/b/binutils/libctf-nobfd0_2.40-2_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/b/binutils/libctf0_2.40-2_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/b/binutils/libgprofng0_2.40-2_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/b/binutils/binutils-x86-64-linux-gnu_2.40-2_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/b/binutils/binutils_2.40-2_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/i/isl/libisl23_0.25-1.1_amd64.deb  Temporary '
         "failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/m/mpfr4/libmpfr6_4.2.0-1_amd64.deb  Temporary '
         "failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/m/mpclib3/libmpc3_1.3.1-1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/gcc-12/cpp-12_12.2.0-14%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/gcc-defaults/cpp_12.2.0-3_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/f/fonts-dejavu/fonts-dejavu-core_2.37-6_all.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/f/fontconfig/fontconfig-config_2.14.1-4_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/gcc-12/libcc1-0_12.2.0-14%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/gcc-12/libgomp1_12.2.0-14%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/gcc-12/libitm1_12.2.0-14%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/gcc-12/libasan8_12.2.0-14%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/gcc-12/liblsan0_12.2.0-14%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/gcc-12/libtsan2_12.2.0-14%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/gcc-12/libubsan1_12.2.0-14%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/gcc-12/libquadmath0_12.2.0-14%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/gcc-12/libgcc-12-dev_12.2.0-14%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/gcc-12/gcc-12_12.2.0-14%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/gcc-defaults/gcc_12.2.0-3_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/a/abseil/libabsl20220623_20220623.1-1%2bdeb12u2_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/a/aom/libaom3_3.6.0-1%2bdeb12u2_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/d/dav1d/libdav1d6_1.0.0-2%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libg/libgav1/libgav1-1_0.18.0-1%2bb1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/r/rust-rav1e/librav1e0_0.5.1-6_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/s/svt-av1/libsvtav1enc1_1.4.1%2bdfsg-1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libj/libjpeg-turbo/libjpeg62-turbo_2.1.5-2_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/liby/libyuv/libyuv0_0.0%7egit20230123.b2528b0-1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/liba/libavif/libavif15_0.11.1-1%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/glibc/libc-dev-bin_2.36-9%2bdeb12u14_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libp/libpng1.6/libpng16-16_1.6.39-2%2bdeb12u5_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/f/freetype/libfreetype6_2.12.1%2bdfsg-5%2bdeb12u4_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/f/fontconfig/libfontconfig1_2.14.1-4_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libd/libde265/libde265-0_1.0.11-1%2bdeb12u2_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/n/numactl/libnuma1_2.0.16-1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/x/x265/libx265-199_3.5-2%2bb1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libh/libheif/libheif1_1.15.1-1%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libd/libdeflate/libdeflate0_1.14-1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/j/jbigkit/libjbig0_2.1-6.1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/l/lerc/liblerc4_4.0.0%2bds-2_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libw/libwebp/libwebp7_1.2.4-0.2%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/t/tiff/libtiff6_4.5.0-6%2bdeb12u4_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libx/libxau/libxau6_1.0.9-1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libx/libxdmcp/libxdmcp6_1.1.2-3_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libx/libxcb/libxcb1_1.15-1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libx/libx11/libx11-data_1.8.4-2%2bdeb12u2_all.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libx/libx11/libx11-6_1.8.4-2%2bdeb12u2_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libx/libxpm/libxpm4_3.5.12-1.1%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libg/libgd2/libgd3_2.3.3-9_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/glibc/libc-devtools_2.36-9%2bdeb12u14_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/l/linux/linux-libc-dev_6.1.176-1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libx/libxcrypt/libcrypt-dev_4.4.33-2_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libt/libtirpc/libtirpc-dev_1.3.3%2bds-1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libn/libnsl/libnsl-dev_1.3.0-2_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/r/rpcsvc-proto/rpcsvc-proto_1.4.3-1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/glibc/libc6-dev_2.36-9%2bdeb12u14_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/m/manpages/manpages-dev_6.03-2_all.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Unable to fetch some archives, maybe run apt-get update or try with '
         '--fix-missing?\n',
         100),
 'git': ('Reading package lists... Done\n'
         'Building dependency tree... Done\n'
         'Reading state information... Done\n'
         'The following additional packages will be installed:\n'
         '  git-man libcurl3-gnutls liberror-perl patch\n'
         'Suggested packages:\n'
         '  git-daemon-run | git-daemon-sysvinit git-doc git-email git-gui gitk gitweb\n'
         '  git-cvs git-mediawiki git-svn ed diffutils-doc\n'
         'The following NEW packages will be installed:\n'
         '  git git-man libcurl3-gnutls liberror-perl patch\n'
         '0 upgraded, 5 newly installed, 0 to remove and 0 not upgraded.\n'
         'Need to get 9861 kB of archives.\n'
         'After this operation, 49.3 MB of additional disk space will be used.\n'
         'Err:1 http://deb.debian.org/debian bookworm/main amd64 libcurl3-gnutls amd64 '
         '7.88.1-10+deb12u15\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:2 http://deb.debian.org/debian bookworm/main amd64 liberror-perl all 0.17029-2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:3 http://deb.debian.org/debian bookworm/main amd64 git-man all '
         '1:2.39.5-0+deb12u3\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:4 http://deb.debian.org/debian bookworm/main amd64 git amd64 1:2.39.5-0+deb12u3\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:5 http://deb.debian.org/debian bookworm/main amd64 patch amd64 2.7.6-7\n'
         "  Temporary failure resolving 'deb.debian.org'\n",
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/c/curl/libcurl3-gnutls_7.88.1-10%2bdeb12u15_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libe/liberror-perl/liberror-perl_0.17029-2_all.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/git/git-man_2.39.5-0%2bdeb12u3_all.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/git/git_2.39.5-0%2bdeb12u3_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/p/patch/patch_2.7.6-7_amd64.deb  Temporary '
         "failure resolving 'deb.debian.org'\n"
         'E: Unable to fetch some archives, maybe run apt-get update or try with '
         '--fix-missing?\n',
         100),
 'golang-go': ('Reading package lists... Done\n'
               'Building dependency tree... Done\n'
               'Reading state information... Done\n'
               'The following additional packages will be installed:\n'
               '  binutils binutils-common binutils-x86-64-linux-gnu cpp cpp-12\n'
               '  fontconfig-config fonts-dejavu-core g++ g++-12 gcc gcc-12 golang-1.19-go\n'
               '  golang-1.19-src golang-src libabsl20220623 libaom3 libasan8 libavif15\n'
               '  libbinutils libc-dev-bin libc-devtools libc6-dev libcc1-0 libcrypt-dev\n'
               '  libctf-nobfd0 libctf0 libdav1d6 libde265-0 libdeflate0 libfontconfig1\n'
               '  libfreetype6 libgav1-1 libgcc-12-dev libgd3 libgomp1 libgprofng0 libheif1\n'
               '  libisl23 libitm1 libjbig0 libjpeg62-turbo liblerc4 liblsan0 libmpc3 '
               'libmpfr6\n'
               '  libnsl-dev libnuma1 libpkgconf3 libpng16-16 libquadmath0 librav1e0\n'
               '  libstdc++-12-dev libsvtav1enc1 libtiff6 libtirpc-dev libtsan2 libubsan1\n'
               '  libwebp7 libx11-6 libx11-data libx265-199 libxau6 libxcb1 libxdmcp6 libxpm4\n'
               '  libyuv0 linux-libc-dev manpages-dev pkg-config pkgconf pkgconf-bin\n'
               '  rpcsvc-proto\n'
               'Suggested packages:\n'
               '  binutils-doc cpp-doc gcc-12-locales cpp-12-doc g++-multilib g++-12-multilib\n'
               '  gcc-12-doc gcc-multilib make autoconf automake libtool flex bison gdb\n'
               '  gcc-doc gcc-12-multilib bzr | brz git mercurial subversion glibc-doc\n'
               '  libgd-tools libstdc++-12-doc\n'
               'The following NEW packages will be installed:\n'
               '  binutils binutils-common binutils-x86-64-linux-gnu cpp cpp-12\n'
               '  fontconfig-config fonts-dejavu-core g++ g++-12 gcc gcc-12 golang-1.19-go\n'
               '  golang-1.19-src golang-go golang-src libabsl20220623 libaom3 libasan8\n'
               '  libavif15 libbinutils libc-dev-bin libc-devtools libc6-dev libcc1-0\n'
               '  libcrypt-dev libctf-nobfd0 libctf0 libdav1d6 libde265-0 libdeflate0\n'
               '  libfontconfig1 libfreetype6 libgav1-1 libgcc-12-dev libgd3 libgomp1\n'
               '  libgprofng0 libheif1 libisl23 libitm1 libjbig0 libjpeg62-turbo liblerc4\n'
               '  liblsan0 libmpc3 libmpfr6 libnsl-dev libnuma1 libpkgconf3 libpng16-16\n'
               '  libquadmath0 librav1e0 libstdc++-12-dev libsvtav1enc1 libtiff6 libtirpc-dev\n'
               '  libtsan2 libubsan1 libwebp7 libx11-6 libx11-data libx265-199 libxau6 '
               'libxcb1\n'
               '  libxdmcp6 libxpm4 libyuv0 linux-libc-dev manpages-dev pkg-config pkgconf\n'
               '  pkgconf-bin rpcsvc-proto\n'
               '0 upgraded, 73 newly installed, 0 to remove and 0 not upgraded.\n'
               'Need to get 159 MB of archives.\n'
               'After this operation, 778 MB of additional disk space will be used.\n'
               'Err:1 http://deb.debian.org/debian bookworm/main amd64 binutils-common amd64 '
               '2.40-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:2 http://deb.debian.org/debian bookworm/main amd64 libbinutils amd64 '
               '2.40-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:3 http://deb.debian.org/debian bookworm/main amd64 libctf-nobfd0 amd64 '
               '2.40-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:4 http://deb.debian.org/debian bookworm/main amd64 libctf0 amd64 2.40-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:5 http://deb.debian.org/debian bookworm/main amd64 libgprofng0 amd64 '
               '2.40-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:6 http://deb.debian.org/debian bookworm/main amd64 '
               'binutils-x86-64-linux-gnu amd64 2.40-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:7 http://deb.debian.org/debian bookworm/main amd64 binutils amd64 2.40-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:8 http://deb.debian.org/debian bookworm/main amd64 libisl23 amd64 '
               '0.25-1.1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:9 http://deb.debian.org/debian bookworm/main amd64 libmpfr6 amd64 4.2.0-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:10 http://deb.debian.org/debian bookworm/main amd64 libmpc3 amd64 1.3.1-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:11 http://deb.debian.org/debian bookworm/main amd64 cpp-12 amd64 '
               '12.2.0-14+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:12 http://deb.debian.org/debian bookworm/main amd64 cpp amd64 4:12.2.0-3\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:13 http://deb.debian.org/debian bookworm/main amd64 fonts-dejavu-core all '
               '2.37-6\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:14 http://deb.debian.org/debian bookworm/main amd64 fontconfig-config '
               'amd64 2.14.1-4\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:15 http://deb.debian.org/debian bookworm/main amd64 libcc1-0 amd64 '
               '12.2.0-14+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:16 http://deb.debian.org/debian bookworm/main amd64 libgomp1 amd64 '
               '12.2.0-14+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:17 http://deb.debian.org/debian bookworm/main amd64 libitm1 amd64 '
               '12.2.0-14+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:18 http://deb.debian.org/debian bookworm/main amd64 libasan8 amd64 '
               '12.2.0-14+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:19 http://deb.debian.org/debian bookworm/main amd64 liblsan0 amd64 '
               '12.2.0-14+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:20 http://deb.debian.org/debian bookworm/main amd64 libtsan2 amd64 '
               '12.2.0-14+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:21 http://deb.debian.org/debian bookworm/main amd64 libubsan1 amd64 '
               '12.2.0-14+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:22 http://deb.debian.org/debian bookworm/main amd64 libquadmath0 amd64 '
               '12.2.0-14+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:23 http://deb.debian.org/debian bookworm/main amd64 libgcc-12-dev amd64 '
               '12.2.0-14+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:24 http://deb.debian.org/debian bookworm/main amd64 gcc-12 amd64 '
               '12.2.0-14+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:25 http://deb.debian.org/debian bookworm/main amd64 gcc amd64 4:12.2.0-3\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:26 http://deb.debian.org/debian bookworm/main amd64 libc-dev-bin amd64 '
               '2.36-9+deb12u14\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:27 http://deb.debian.org/debian bookworm/main amd64 linux-libc-dev amd64 '
               '6.1.176-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:28 http://deb.debian.org/debian bookworm/main amd64 libcrypt-dev amd64 '
               '1:4.4.33-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:29 http://deb.debian.org/debian bookworm/main amd64 libtirpc-dev amd64 '
               '1.3.3+ds-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:30 http://deb.debian.org/debian bookworm/main amd64 libnsl-dev amd64 '
               '1.3.0-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:31 http://deb.debian.org/debian bookworm/main amd64 rpcsvc-proto amd64 '
               '1.4.3-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:32 http://deb.debian.org/debian bookworm/main amd64 libc6-dev amd64 '
               '2.36-9+deb12u14\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:33 http://deb.debian.org/debian bookworm/main amd64 libstdc++-12-dev amd64 '
               '12.2.0-14+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:34 http://deb.debian.org/debian bookworm/main amd64 g++-12 amd64 '
               '12.2.0-14+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:35 http://deb.debian.org/debian bookworm/main amd64 g++ amd64 4:12.2.0-3\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:36 http://deb.debian.org/debian bookworm/main amd64 golang-1.19-src all '
               '1.19.8-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:37 http://deb.debian.org/debian bookworm/main amd64 golang-1.19-go amd64 '
               '1.19.8-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:38 http://deb.debian.org/debian bookworm/main amd64 golang-src all '
               '2:1.19~1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:39 http://deb.debian.org/debian bookworm/main amd64 golang-go amd64 '
               '2:1.19~1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:40 http://deb.debian.org/debian bookworm/main amd64 libabsl20220623 amd64 '
               '20220623.1-1+deb12u2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:41 http://deb.debian.org/debian bookworm/main amd64 libaom3 amd64 '
               '3.6.0-1+deb12u2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:42 http://deb.debian.org/debian bookworm/main amd64 libdav1d6 amd64 '
               '1.0.0-2+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:43 http://deb.debian.org/debian bookworm/main amd64 libgav1-1 amd64 '
               '0.18.0-1+b1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:44 http://deb.debian.org/debian bookworm/main amd64 librav1e0 amd64 '
               '0.5.1-6\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:45 http://deb.debian.org/debian bookworm/main amd64 libsvtav1enc1 amd64 '
               '1.4.1+dfsg-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:46 http://deb.debian.org/debian bookworm/main amd64 libjpeg62-turbo amd64 '
               '1:2.1.5-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:47 http://deb.debian.org/debian bookworm/main amd64 libyuv0 amd64 '
               '0.0~git20230123.b2528b0-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:48 http://deb.debian.org/debian bookworm/main amd64 libavif15 amd64 '
               '0.11.1-1+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:49 http://deb.debian.org/debian bookworm/main amd64 libpng16-16 amd64 '
               '1.6.39-2+deb12u5\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:50 http://deb.debian.org/debian bookworm/main amd64 libfreetype6 amd64 '
               '2.12.1+dfsg-5+deb12u4\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:51 http://deb.debian.org/debian bookworm/main amd64 libfontconfig1 amd64 '
               '2.14.1-4\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:52 http://deb.debian.org/debian bookworm/main amd64 libde265-0 amd64 '
               '1.0.11-1+deb12u2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:53 http://deb.debian.org/debian bookworm/main amd64 libnuma1 amd64 '
               '2.0.16-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:54 http://deb.debian.org/debian bookworm/main amd64 libx265-199 amd64 '
               '3.5-2+b1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:55 http://deb.debian.org/debian bookworm/main amd64 libheif1 amd64 '
               '1.15.1-1+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:56 http://deb.debian.org/debian bookworm/main amd64 libdeflate0 amd64 '
               '1.14-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:57 http://deb.debian.org/debian bookworm/main amd64 libjbig0 amd64 '
               '2.1-6.1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:58 http://deb.debian.org/debian bookworm/main amd64 liblerc4 amd64 '
               '4.0.0+ds-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:59 http://deb.debian.org/debian bookworm/main amd64 libwebp7 amd64 '
               '1.2.4-0.2+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:60 http://deb.debian.org/debian bookworm/main amd64 libtiff6 amd64 '
               '4.5.0-6+deb12u4\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:61 http://deb.debian.org/debian bookworm/main amd64 libxau6 amd64 '
               '1:1.0.9-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:62 http://deb.debian.org/debian bookworm/main amd64 libxdmcp6 amd64 '
               '1:1.1.2-3\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:63 http://deb.debian.org/debian bookworm/main amd64 libxcb1 amd64 1.15-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:64 http://deb.debian.org/debian bookworm/main amd64 libx11-data all '
               '2:1.8.4-2+deb12u2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:65 http://deb.debian.org/debian bookworm/main amd64 libx11-6 amd64 '
               '2:1.8.4-2+deb12u2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:66 http://deb.debian.org/debian bookworm/main amd64 libxpm4 amd64 '
               '1:3.5.12-1.1+deb12u1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:67 http://deb.debian.org/debian bookworm/main amd64 libgd3 amd64 2.3.3-9\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:68 http://deb.debian.org/debian bookworm/main amd64 libc-devtools amd64 '
               '2.36-9+deb12u14\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:69 http://deb.debian.org/debian bookworm/main amd64 libpkgconf3 amd64 '
               '1.8.1-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:70 http://deb.debian.org/debian bookworm/main amd64 manpages-dev all '
               '6.03-2\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:71 http://deb.debian.org/debian bookworm/main amd64 pkgconf-bin amd64 '
               '1.8.1-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:72 http://deb.debian.org/debian bookworm/main amd64 pkgconf amd64 1.8.1-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n"
               'Err:73 http://deb.debian.org/debian bookworm/main amd64 pkg-config amd64 '
               '1.8.1-1\n'
               "  Temporary failure resolving 'deb.debian.org'\n",
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/b/binutils/binutils-common_2.40-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/b/binutils/libbinutils_2.40-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/b/binutils/libctf-nobfd0_2.40-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/b/binutils/libctf0_2.40-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/b/binutils/libgprofng0_2.40-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/b/binutils/binutils-x86-64-linux-gnu_2.40-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/b/binutils/binutils_2.40-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/i/isl/libisl23_0.25-1.1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/m/mpfr4/libmpfr6_4.2.0-1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/m/mpclib3/libmpc3_1.3.1-1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/gcc-12/cpp-12_12.2.0-14%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/gcc-defaults/cpp_12.2.0-3_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/f/fonts-dejavu/fonts-dejavu-core_2.37-6_all.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/f/fontconfig/fontconfig-config_2.14.1-4_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/gcc-12/libcc1-0_12.2.0-14%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/gcc-12/libgomp1_12.2.0-14%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/gcc-12/libitm1_12.2.0-14%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/gcc-12/libasan8_12.2.0-14%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/gcc-12/liblsan0_12.2.0-14%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/gcc-12/libtsan2_12.2.0-14%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/gcc-12/libubsan1_12.2.0-14%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/gcc-12/libquadmath0_12.2.0-14%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/gcc-12/libgcc-12-dev_12.2.0-14%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/gcc-12/gcc-12_12.2.0-14%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/gcc-defaults/gcc_12.2.0-3_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/glibc/libc-dev-bin_2.36-9%2bdeb12u14_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/l/linux/linux-libc-dev_6.1.176-1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libx/libxcrypt/libcrypt-dev_4.4.33-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libt/libtirpc/libtirpc-dev_1.3.3%2bds-1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libn/libnsl/libnsl-dev_1.3.0-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/r/rpcsvc-proto/rpcsvc-proto_1.4.3-1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/glibc/libc6-dev_2.36-9%2bdeb12u14_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/gcc-12/libstdc%2b%2b-12-dev_12.2.0-14%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/gcc-12/g%2b%2b-12_12.2.0-14%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/gcc-defaults/g%2b%2b_12.2.0-3_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/golang-1.19/golang-1.19-src_1.19.8-2_all.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/golang-1.19/golang-1.19-go_1.19.8-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/golang-defaults/golang-src_1.19%7e1_all.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/golang-defaults/golang-go_1.19%7e1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/a/abseil/libabsl20220623_20220623.1-1%2bdeb12u2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/a/aom/libaom3_3.6.0-1%2bdeb12u2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/d/dav1d/libdav1d6_1.0.0-2%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libg/libgav1/libgav1-1_0.18.0-1%2bb1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/r/rust-rav1e/librav1e0_0.5.1-6_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/s/svt-av1/libsvtav1enc1_1.4.1%2bdfsg-1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libj/libjpeg-turbo/libjpeg62-turbo_2.1.5-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/liby/libyuv/libyuv0_0.0%7egit20230123.b2528b0-1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/liba/libavif/libavif15_0.11.1-1%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libp/libpng1.6/libpng16-16_1.6.39-2%2bdeb12u5_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/f/freetype/libfreetype6_2.12.1%2bdfsg-5%2bdeb12u4_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/f/fontconfig/libfontconfig1_2.14.1-4_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libd/libde265/libde265-0_1.0.11-1%2bdeb12u2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/n/numactl/libnuma1_2.0.16-1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/x/x265/libx265-199_3.5-2%2bb1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libh/libheif/libheif1_1.15.1-1%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libd/libdeflate/libdeflate0_1.14-1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/j/jbigkit/libjbig0_2.1-6.1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/l/lerc/liblerc4_4.0.0%2bds-2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libw/libwebp/libwebp7_1.2.4-0.2%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/t/tiff/libtiff6_4.5.0-6%2bdeb12u4_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libx/libxau/libxau6_1.0.9-1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libx/libxdmcp/libxdmcp6_1.1.2-3_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libx/libxcb/libxcb1_1.15-1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libx/libx11/libx11-data_1.8.4-2%2bdeb12u2_all.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libx/libx11/libx11-6_1.8.4-2%2bdeb12u2_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libx/libxpm/libxpm4_3.5.12-1.1%2bdeb12u1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/libg/libgd2/libgd3_2.3.3-9_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/g/glibc/libc-devtools_2.36-9%2bdeb12u14_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/p/pkgconf/libpkgconf3_1.8.1-1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/m/manpages/manpages-dev_6.03-2_all.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/p/pkgconf/pkgconf-bin_1.8.1-1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/p/pkgconf/pkgconf_1.8.1-1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Failed to fetch '
               'http://deb.debian.org/debian/pool/main/p/pkgconf/pkg-config_1.8.1-1_amd64.deb  '
               "Temporary failure resolving 'deb.debian.org'\n"
               'E: Unable to fetch some archives, maybe run apt-get update or try with '
               '--fix-missing?\n',
               100),
 'hping3': ('Reading package lists... Done\n'
            'Building dependency tree... Done\n'
            'Reading state information... Done\n'
            'The following additional packages will be installed:\n'
            '  libpcap0.8 libtcl8.6\n'
            'Suggested packages:\n'
            '  tcl8.6\n'
            'The following NEW packages will be installed:\n'
            '  hping3 libpcap0.8 libtcl8.6\n'
            '0 upgraded, 3 newly installed, 0 to remove and 0 not upgraded.\n'
            'Need to get 1297 kB of archives.\n'
            'After this operation, 5022 kB of additional disk space will be used.\n'
            'Err:1 http://deb.debian.org/debian bookworm/main amd64 libpcap0.8 amd64 1.10.3-1\n'
            "  Temporary failure resolving 'deb.debian.org'\n"
            'Err:2 http://deb.debian.org/debian bookworm/main amd64 libtcl8.6 amd64 '
            '8.6.13+dfsg-2\n'
            "  Temporary failure resolving 'deb.debian.org'\n"
            'Err:3 http://deb.debian.org/debian bookworm/main amd64 hping3 amd64 3.a2.ds2-10\n'
            "  Temporary failure resolving 'deb.debian.org'\n",
            'E: Failed to fetch '
            'http://deb.debian.org/debian/pool/main/libp/libpcap/libpcap0.8_1.10.3-1_amd64.deb  '
            "Temporary failure resolving 'deb.debian.org'\n"
            'E: Failed to fetch '
            'http://deb.debian.org/debian/pool/main/t/tcl8.6/libtcl8.6_8.6.13%2bdfsg-2_amd64.deb  '
            "Temporary failure resolving 'deb.debian.org'\n"
            'E: Failed to fetch '
            'http://deb.debian.org/debian/pool/main/h/hping3/hping3_3.a2.ds2-10_amd64.deb  '
            "Temporary failure resolving 'deb.debian.org'\n"
            'E: Unable to fetch some archives, maybe run apt-get update or try with '
            '--fix-missing?\n',
            100),
 'htop': ('Reading package lists... Done\n'
          'Building dependency tree... Done\n'
          'Reading state information... Done\n'
          'The following additional packages will be installed:\n'
          '  libnl-3-200 libnl-genl-3-200\n'
          'Suggested packages:\n'
          '  lm-sensors strace\n'
          'The following NEW packages will be installed:\n'
          '  htop libnl-3-200 libnl-genl-3-200\n'
          '0 upgraded, 3 newly installed, 0 to remove and 0 not upgraded.\n'
          'Need to get 237 kB of archives.\n'
          'After this operation, 633 kB of additional disk space will be used.\n'
          'Err:1 http://deb.debian.org/debian bookworm/main amd64 libnl-3-200 amd64 '
          '3.7.0-0.2+b1\n'
          "  Temporary failure resolving 'deb.debian.org'\n"
          'Err:2 http://deb.debian.org/debian bookworm/main amd64 libnl-genl-3-200 amd64 '
          '3.7.0-0.2+b1\n'
          "  Temporary failure resolving 'deb.debian.org'\n"
          'Err:3 http://deb.debian.org/debian bookworm/main amd64 htop amd64 3.2.2-2\n'
          "  Temporary failure resolving 'deb.debian.org'\n",
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/libn/libnl3/libnl-3-200_3.7.0-0.2%2bb1_amd64.deb  '
          "Temporary failure resolving 'deb.debian.org'\n"
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/libn/libnl3/libnl-genl-3-200_3.7.0-0.2%2bb1_amd64.deb  '
          "Temporary failure resolving 'deb.debian.org'\n"
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/h/htop/htop_3.2.2-2_amd64.deb  Temporary '
          "failure resolving 'deb.debian.org'\n"
          'E: Unable to fetch some archives, maybe run apt-get update or try with '
          '--fix-missing?\n',
          100),
 'iptables': ('Reading package lists... Done\n'
              'Building dependency tree... Done\n'
              'Reading state information... Done\n'
              'The following additional packages will be installed:\n'
              '  libip6tc2 libnetfilter-conntrack3 libnfnetlink0\n'
              'Suggested packages:\n'
              '  firewalld\n'
              'The following NEW packages will be installed:\n'
              '  iptables libip6tc2 libnetfilter-conntrack3 libnfnetlink0\n'
              '0 upgraded, 4 newly installed, 0 to remove and 0 not upgraded.\n'
              'Need to get 435 kB of archives.\n'
              'After this operation, 2728 kB of additional disk space will be used.\n'
              'Err:1 http://deb.debian.org/debian bookworm/main amd64 libip6tc2 amd64 1.8.9-2\n'
              "  Temporary failure resolving 'deb.debian.org'\n"
              'Err:2 http://deb.debian.org/debian bookworm/main amd64 libnfnetlink0 amd64 '
              '1.0.2-2\n'
              "  Temporary failure resolving 'deb.debian.org'\n"
              'Err:3 http://deb.debian.org/debian bookworm/main amd64 libnetfilter-conntrack3 '
              'amd64 1.0.9-3\n'
              "  Temporary failure resolving 'deb.debian.org'\n"
              'Err:4 http://deb.debian.org/debian bookworm/main amd64 iptables amd64 1.8.9-2\n'
              "  Temporary failure resolving 'deb.debian.org'\n",
              'E: Failed to fetch '
              'http://deb.debian.org/debian/pool/main/i/iptables/libip6tc2_1.8.9-2_amd64.deb  '
              "Temporary failure resolving 'deb.debian.org'\n"
              'E: Failed to fetch '
              'http://deb.debian.org/debian/pool/main/libn/libnfnetlink/libnfnetlink0_1.0.2-2_amd64.deb  '
              "Temporary failure resolving 'deb.debian.org'\n"
              'E: Failed to fetch '
              'http://deb.debian.org/debian/pool/main/libn/libnetfilter-conntrack/libnetfilter-conntrack3_1.0.9-3_amd64.deb  '
              "Temporary failure resolving 'deb.debian.org'\n"
              'E: Failed to fetch '
              'http://deb.debian.org/debian/pool/main/i/iptables/iptables_1.8.9-2_amd64.deb  '
              "Temporary failure resolving 'deb.debian.org'\n"
              'E: Unable to fetch some archives, maybe run apt-get update or try with '
              '--fix-missing?\n',
              100),
 'jq': ('Reading package lists... Done\n'
        'Building dependency tree... Done\n'
        'Reading state information... Done\n'
        'The following additional packages will be installed:\n'
        '  libjq1 libonig5\n'
        'The following NEW packages will be installed:\n'
        '  jq libjq1 libonig5\n'
        '0 upgraded, 3 newly installed, 0 to remove and 0 not upgraded.\n'
        'Need to get 387 kB of archives.\n'
        'After this operation, 1170 kB of additional disk space will be used.\n'
        'Err:1 http://deb.debian.org/debian bookworm/main amd64 libonig5 amd64 6.9.8-1\n'
        "  Temporary failure resolving 'deb.debian.org'\n"
        'Err:2 http://deb.debian.org/debian bookworm/main amd64 libjq1 amd64 1.6-2.1+deb12u2\n'
        "  Temporary failure resolving 'deb.debian.org'\n"
        'Err:3 http://deb.debian.org/debian bookworm/main amd64 jq amd64 1.6-2.1+deb12u2\n'
        "  Temporary failure resolving 'deb.debian.org'\n",
        'E: Failed to fetch '
        'http://deb.debian.org/debian/pool/main/libo/libonig/libonig5_6.9.8-1_amd64.deb  '
        "Temporary failure resolving 'deb.debian.org'\n"
        'E: Failed to fetch '
        'http://deb.debian.org/debian/pool/main/j/jq/libjq1_1.6-2.1%2bdeb12u2_amd64.deb  '
        "Temporary failure resolving 'deb.debian.org'\n"
        'E: Failed to fetch '
        'http://deb.debian.org/debian/pool/main/j/jq/jq_1.6-2.1%2bdeb12u2_amd64.deb  Temporary '
        "failure resolving 'deb.debian.org'\n"
        'E: Unable to fetch some archives, maybe run apt-get update or try with '
        '--fix-missing?\n',
        100),
 'make': ('Reading package lists... Done\n'
          'Building dependency tree... Done\n'
          'Reading state information... Done\n'
          'Suggested packages:\n'
          '  make-doc\n'
          'The following NEW packages will be installed:\n'
          '  make\n'
          '0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.\n'
          'Need to get 396 kB of archives.\n'
          'After this operation, 1630 kB of additional disk space will be used.\n'
          'Err:1 http://deb.debian.org/debian bookworm/main amd64 make amd64 4.3-4.1\n'
          "  Temporary failure resolving 'deb.debian.org'\n",
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/m/make-dfsg/make_4.3-4.1_amd64.deb  '
          "Temporary failure resolving 'deb.debian.org'\n"
          'E: Unable to fetch some archives, maybe run apt-get update or try with '
          '--fix-missing?\n',
          100),
 'masscan': ('Reading package lists... Done\n'
             'Building dependency tree... Done\n'
             'Reading state information... Done\n'
             'The following NEW packages will be installed:\n'
             '  masscan\n'
             '0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.\n'
             'Need to get 238 kB of archives.\n'
             'After this operation, 566 kB of additional disk space will be used.\n'
             'Err:1 http://deb.debian.org/debian bookworm/main amd64 masscan amd64 '
             '2:1.3.2+ds1-1\n'
             "  Temporary failure resolving 'deb.debian.org'\n",
             'E: Failed to fetch '
             'http://deb.debian.org/debian/pool/main/m/masscan/masscan_1.3.2%2bds1-1_amd64.deb  '
             "Temporary failure resolving 'deb.debian.org'\n"
             'E: Unable to fetch some archives, maybe run apt-get update or try with '
             '--fix-missing?\n',
             100),
 'nano': ('Reading package lists... Done\n'
          'Building dependency tree... Done\n'
          'Reading state information... Done\n'
          'Suggested packages:\n'
          '  hunspell\n'
          'The following NEW packages will be installed:\n'
          '  nano\n'
          '0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.\n'
          'Need to get 690 kB of archives.\n'
          'After this operation, 2871 kB of additional disk space will be used.\n'
          'Err:1 http://deb.debian.org/debian bookworm/main amd64 nano amd64 7.2-1+deb12u1\n'
          "  Temporary failure resolving 'deb.debian.org'\n",
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/n/nano/nano_7.2-1%2bdeb12u1_amd64.deb  '
          "Temporary failure resolving 'deb.debian.org'\n"
          'E: Unable to fetch some archives, maybe run apt-get update or try with '
          '--fix-missing?\n',
          100),
 'netcat-traditional': ('Reading package lists... Done\n'
                        'Building dependency tree... Done\n'
                        'Reading state information... Done\n'
                        'The following NEW packages will be installed:\n'
                        '  netcat-traditional\n'
                        '0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.\n'
                        'Need to get 67.9 kB of archives.\n'
                        'After this operation, 146 kB of additional disk space will be used.\n'
                        'Err:1 http://deb.debian.org/debian bookworm/main amd64 '
                        'netcat-traditional amd64 1.10-47\n'
                        "  Temporary failure resolving 'deb.debian.org'\n",
                        'E: Failed to fetch '
                        'http://deb.debian.org/debian/pool/main/n/netcat/netcat-traditional_1.10-47_amd64.deb  '
                        "Temporary failure resolving 'deb.debian.org'\n"
                        'E: Unable to fetch some archives, maybe run apt-get update or try '
                        'with --fix-missing?\n',
                        100),
 'nmap': ('Reading package lists... Done\n'
          'Building dependency tree... Done\n'
          'Reading state information... Done\n'
          'The following additional packages will be installed:\n'
          '  libblas3 liblinear4 libpcap0.8 libpcre3 lua-lpeg nmap-common\n'
          'Suggested packages:\n'
          '  liblinear-tools liblinear-dev ncat ndiff zenmap\n'
          'The following NEW packages will be installed:\n'
          '  libblas3 liblinear4 libpcap0.8 libpcre3 lua-lpeg nmap nmap-common\n'
          '0 upgraded, 7 newly installed, 0 to remove and 0 not upgraded.\n'
          'Need to get 6773 kB of archives.\n'
          'After this operation, 28.1 MB of additional disk space will be used.\n'
          'Err:1 http://deb.debian.org/debian bookworm/main amd64 libblas3 amd64 3.11.0-2\n'
          "  Temporary failure resolving 'deb.debian.org'\n"
          'Err:2 http://deb.debian.org/debian bookworm/main amd64 liblinear4 amd64 '
          '2.3.0+dfsg-5\n'
          "  Temporary failure resolving 'deb.debian.org'\n"
          'Err:3 http://deb.debian.org/debian bookworm/main amd64 libpcap0.8 amd64 1.10.3-1\n'
          "  Temporary failure resolving 'deb.debian.org'\n"
          'Err:4 http://deb.debian.org/debian bookworm/main amd64 libpcre3 amd64 2:8.39-15\n'
          "  Temporary failure resolving 'deb.debian.org'\n"
          'Err:5 http://deb.debian.org/debian bookworm/main amd64 lua-lpeg amd64 1.0.2-2\n'
          "  Temporary failure resolving 'deb.debian.org'\n"
          'Err:6 http://deb.debian.org/debian bookworm/main amd64 nmap-common all '
          '7.93+dfsg1-1\n'
          "  Temporary failure resolving 'deb.debian.org'\n"
          'Err:7 http://deb.debian.org/debian bookworm/main amd64 nmap amd64 7.93+dfsg1-1\n'
          "  Temporary failure resolving 'deb.debian.org'\n",
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/l/lapack/libblas3_3.11.0-2_amd64.deb  '
          "Temporary failure resolving 'deb.debian.org'\n"
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/libl/liblinear/liblinear4_2.3.0%2bdfsg-5_amd64.deb  '
          "Temporary failure resolving 'deb.debian.org'\n"
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/libp/libpcap/libpcap0.8_1.10.3-1_amd64.deb  '
          "Temporary failure resolving 'deb.debian.org'\n"
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/p/pcre3/libpcre3_8.39-15_amd64.deb  '
          "Temporary failure resolving 'deb.debian.org'\n"
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/l/lua-lpeg/lua-lpeg_1.0.2-2_amd64.deb  '
          "Temporary failure resolving 'deb.debian.org'\n"
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/n/nmap/nmap-common_7.93%2bdfsg1-1_all.deb  '
          "Temporary failure resolving 'deb.debian.org'\n"
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/n/nmap/nmap_7.93%2bdfsg1-1_amd64.deb  '
          "Temporary failure resolving 'deb.debian.org'\n"
          'E: Unable to fetch some archives, maybe run apt-get update or try with '
          '--fix-missing?\n',
          100),
 'proxychains4': ('Reading package lists... Done\n'
                  'Building dependency tree... Done\n'
                  'Reading state information... Done\n'
                  'The following additional packages will be installed:\n'
                  '  libproxychains4\n'
                  'The following NEW packages will be installed:\n'
                  '  libproxychains4 proxychains4\n'
                  '0 upgraded, 2 newly installed, 0 to remove and 0 not upgraded.\n'
                  'Need to get 42.9 kB of archives.\n'
                  'After this operation, 133 kB of additional disk space will be used.\n'
                  'Err:1 http://deb.debian.org/debian bookworm/main amd64 libproxychains4 '
                  'amd64 4.16-2\n'
                  "  Temporary failure resolving 'deb.debian.org'\n"
                  'Err:2 http://deb.debian.org/debian bookworm/main amd64 proxychains4 amd64 '
                  '4.16-2\n'
                  "  Temporary failure resolving 'deb.debian.org'\n",
                  'E: Failed to fetch '
                  'http://deb.debian.org/debian/pool/main/p/proxychains-ng/libproxychains4_4.16-2_amd64.deb  '
                  "Temporary failure resolving 'deb.debian.org'\n"
                  'E: Failed to fetch '
                  'http://deb.debian.org/debian/pool/main/p/proxychains-ng/proxychains4_4.16-2_amd64.deb  '
                  "Temporary failure resolving 'deb.debian.org'\n"
                  'E: Unable to fetch some archives, maybe run apt-get update or try with '
                  '--fix-missing?\n',
                  100),
 'python3-pip': ('Reading package lists... Done\n'
                 'Building dependency tree... Done\n'
                 'Reading state information... Done\n'
                 'The following additional packages will be installed:\n'
                 '  binutils binutils-common binutils-x86-64-linux-gnu build-essential cpp\n'
                 '  cpp-12 dirmngr dpkg-dev fakeroot fontconfig-config fonts-dejavu-core g++\n'
                 '  g++-12 gcc gcc-12 gnupg gnupg-l10n gnupg-utils gpg gpg-agent '
                 'gpg-wks-client\n'
                 '  gpg-wks-server gpgconf gpgsm javascript-common libabsl20220623\n'
                 '  libalgorithm-diff-perl libalgorithm-diff-xs-perl libalgorithm-merge-perl\n'
                 '  libaom3 libasan8 libassuan0 libavif15 libbinutils libc-dev-bin '
                 'libc-devtools\n'
                 '  libc6-dev libcc1-0 libcrypt-dev libctf-nobfd0 libctf0 libdav1d6 '
                 'libde265-0\n'
                 '  libdeflate0 libdpkg-perl libexpat1-dev libfakeroot libfile-fcntllock-perl\n'
                 '  libfontconfig1 libfreetype6 libgav1-1 libgcc-12-dev libgd3 libgomp1\n'
                 '  libgprofng0 libheif1 libisl23 libitm1 libjbig0 libjpeg62-turbo '
                 'libjs-jquery\n'
                 '  libjs-sphinxdoc libjs-underscore libksba8 liblerc4 liblsan0 libmpc3 '
                 'libmpfr6\n'
                 '  libnpth0 libnsl-dev libnuma1 libpng16-16 libpython3-dev libpython3.11\n'
                 '  libpython3.11-dev libquadmath0 librav1e0 libstdc++-12-dev libsvtav1enc1\n'
                 '  libtiff6 libtirpc-dev libtsan2 libubsan1 libwebp7 libx11-6 libx11-data\n'
                 '  libx265-199 libxau6 libxcb1 libxdmcp6 libxpm4 libyuv0 linux-libc-dev make\n'
                 '  manpages-dev patch pinentry-curses python3-dev python3-distutils\n'
                 '  python3-lib2to3 python3-pkg-resources python3-setuptools python3-wheel\n'
                 '  python3.11-dev rpcsvc-proto zlib1g-dev\n'
                 'Suggested packages:\n'
                 '  binutils-doc cpp-doc gcc-12-locales cpp-12-doc dbus-user-session\n'
                 '  pinentry-gnome3 tor debian-keyring g++-multilib g++-12-multilib '
                 'gcc-12-doc\n'
                 '  gcc-multilib autoconf automake libtool flex bison gdb gcc-doc\n'
                 '  gcc-12-multilib parcimonie xloadimage scdaemon glibc-doc git bzr '
                 'libgd-tools\n'
                 '  libstdc++-12-doc make-doc ed diffutils-doc pinentry-doc\n'
                 '  python-setuptools-doc\n'
                 'The following NEW packages will be installed:\n'
                 '  binutils binutils-common binutils-x86-64-linux-gnu build-essential cpp\n'
                 '  cpp-12 dirmngr dpkg-dev fakeroot fontconfig-config fonts-dejavu-core g++\n'
                 '  g++-12 gcc gcc-12 gnupg gnupg-l10n gnupg-utils gpg gpg-agent '
                 'gpg-wks-client\n'
                 '  gpg-wks-server gpgconf gpgsm javascript-common libabsl20220623\n'
                 '  libalgorithm-diff-perl libalgorithm-diff-xs-perl libalgorithm-merge-perl\n'
                 '  libaom3 libasan8 libassuan0 libavif15 libbinutils libc-dev-bin '
                 'libc-devtools\n'
                 '  libc6-dev libcc1-0 libcrypt-dev libctf-nobfd0 libctf0 libdav1d6 '
                 'libde265-0\n'
                 '  libdeflate0 libdpkg-perl libexpat1-dev libfakeroot libfile-fcntllock-perl\n'
                 '  libfontconfig1 libfreetype6 libgav1-1 libgcc-12-dev libgd3 libgomp1\n'
                 '  libgprofng0 libheif1 libisl23 libitm1 libjbig0 libjpeg62-turbo '
                 'libjs-jquery\n'
                 '  libjs-sphinxdoc libjs-underscore libksba8 liblerc4 liblsan0 libmpc3 '
                 'libmpfr6\n'
                 '  libnpth0 libnsl-dev libnuma1 libpng16-16 libpython3-dev libpython3.11\n'
                 '  libpython3.11-dev libquadmath0 librav1e0 libstdc++-12-dev libsvtav1enc1\n'
                 '  libtiff6 libtirpc-dev libtsan2 libubsan1 libwebp7 libx11-6 libx11-data\n'
                 '  libx265-199 libxau6 libxcb1 libxdmcp6 libxpm4 libyuv0 linux-libc-dev make\n'
                 '  manpages-dev patch pinentry-curses python3-dev python3-distutils\n'
                 '  python3-lib2to3 python3-pip python3-pkg-resources python3-setuptools\n'
                 '  python3-wheel python3.11-dev rpcsvc-proto zlib1g-dev\n'
                 '0 upgraded, 107 newly installed, 0 to remove and 0 not upgraded.\n'
                 'Need to get 100 MB of archives.\n'
                 'After this operation, 386 MB of additional disk space will be used.\n'
                 'Err:1 http://deb.debian.org/debian bookworm/main amd64 binutils-common amd64 '
                 '2.40-2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:2 http://deb.debian.org/debian bookworm/main amd64 libbinutils amd64 '
                 '2.40-2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:3 http://deb.debian.org/debian bookworm/main amd64 libctf-nobfd0 amd64 '
                 '2.40-2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:4 http://deb.debian.org/debian bookworm/main amd64 libctf0 amd64 2.40-2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:5 http://deb.debian.org/debian bookworm/main amd64 libgprofng0 amd64 '
                 '2.40-2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:6 http://deb.debian.org/debian bookworm/main amd64 '
                 'binutils-x86-64-linux-gnu amd64 2.40-2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:7 http://deb.debian.org/debian bookworm/main amd64 binutils amd64 '
                 '2.40-2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:8 http://deb.debian.org/debian bookworm/main amd64 libc-dev-bin amd64 '
                 '2.36-9+deb12u14\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:9 http://deb.debian.org/debian bookworm/main amd64 linux-libc-dev amd64 '
                 '6.1.176-1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:10 http://deb.debian.org/debian bookworm/main amd64 libcrypt-dev amd64 '
                 '1:4.4.33-2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:11 http://deb.debian.org/debian bookworm/main amd64 libtirpc-dev amd64 '
                 '1.3.3+ds-1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:12 http://deb.debian.org/debian bookworm/main amd64 libnsl-dev amd64 '
                 '1.3.0-2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:13 http://deb.debian.org/debian bookworm/main amd64 rpcsvc-proto amd64 '
                 '1.4.3-1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:14 http://deb.debian.org/debian bookworm/main amd64 libc6-dev amd64 '
                 '2.36-9+deb12u14\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:15 http://deb.debian.org/debian bookworm/main amd64 libisl23 amd64 '
                 '0.25-1.1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:16 http://deb.debian.org/debian bookworm/main amd64 libmpfr6 amd64 '
                 '4.2.0-1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:17 http://deb.debian.org/debian bookworm/main amd64 libmpc3 amd64 '
                 '1.3.1-1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:18 http://deb.debian.org/debian bookworm/main amd64 cpp-12 amd64 '
                 '12.2.0-14+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:19 http://deb.debian.org/debian bookworm/main amd64 cpp amd64 '
                 '4:12.2.0-3\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:20 http://deb.debian.org/debian bookworm/main amd64 libcc1-0 amd64 '
                 '12.2.0-14+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:21 http://deb.debian.org/debian bookworm/main amd64 libgomp1 amd64 '
                 '12.2.0-14+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:22 http://deb.debian.org/debian bookworm/main amd64 libitm1 amd64 '
                 '12.2.0-14+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:23 http://deb.debian.org/debian bookworm/main amd64 libasan8 amd64 '
                 '12.2.0-14+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:24 http://deb.debian.org/debian bookworm/main amd64 liblsan0 amd64 '
                 '12.2.0-14+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:25 http://deb.debian.org/debian bookworm/main amd64 libtsan2 amd64 '
                 '12.2.0-14+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:26 http://deb.debian.org/debian bookworm/main amd64 libubsan1 amd64 '
                 '12.2.0-14+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:27 http://deb.debian.org/debian bookworm/main amd64 libquadmath0 amd64 '
                 '12.2.0-14+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:28 http://deb.debian.org/debian bookworm/main amd64 libgcc-12-dev amd64 '
                 '12.2.0-14+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:29 http://deb.debian.org/debian bookworm/main amd64 gcc-12 amd64 '
                 '12.2.0-14+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:30 http://deb.debian.org/debian bookworm/main amd64 gcc amd64 '
                 '4:12.2.0-3\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:31 http://deb.debian.org/debian bookworm/main amd64 libstdc++-12-dev '
                 'amd64 12.2.0-14+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:32 http://deb.debian.org/debian bookworm/main amd64 g++-12 amd64 '
                 '12.2.0-14+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:33 http://deb.debian.org/debian bookworm/main amd64 g++ amd64 '
                 '4:12.2.0-3\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:34 http://deb.debian.org/debian bookworm/main amd64 make amd64 4.3-4.1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:35 http://deb.debian.org/debian bookworm/main amd64 libdpkg-perl all '
                 '1.21.23\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:36 http://deb.debian.org/debian bookworm/main amd64 patch amd64 2.7.6-7\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:37 http://deb.debian.org/debian bookworm/main amd64 dpkg-dev all '
                 '1.21.23\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:38 http://deb.debian.org/debian bookworm/main amd64 build-essential '
                 'amd64 12.9\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:39 http://deb.debian.org/debian bookworm/main amd64 libassuan0 amd64 '
                 '2.5.5-5\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:40 http://deb.debian.org/debian bookworm/main amd64 gpgconf amd64 '
                 '2.2.40-1.1+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:41 http://deb.debian.org/debian bookworm/main amd64 libksba8 amd64 '
                 '1.6.3-2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:42 http://deb.debian.org/debian bookworm/main amd64 libnpth0 amd64 '
                 '1.6-3\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:43 http://deb.debian.org/debian bookworm/main amd64 dirmngr amd64 '
                 '2.2.40-1.1+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:44 http://deb.debian.org/debian bookworm/main amd64 libfakeroot amd64 '
                 '1.31-1.2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:45 http://deb.debian.org/debian bookworm/main amd64 fakeroot amd64 '
                 '1.31-1.2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:46 http://deb.debian.org/debian bookworm/main amd64 fonts-dejavu-core '
                 'all 2.37-6\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:47 http://deb.debian.org/debian bookworm/main amd64 fontconfig-config '
                 'amd64 2.14.1-4\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:48 http://deb.debian.org/debian bookworm/main amd64 gnupg-l10n all '
                 '2.2.40-1.1+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:49 http://deb.debian.org/debian bookworm/main amd64 gnupg-utils amd64 '
                 '2.2.40-1.1+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:50 http://deb.debian.org/debian bookworm/main amd64 gpg amd64 '
                 '2.2.40-1.1+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:51 http://deb.debian.org/debian bookworm/main amd64 pinentry-curses '
                 'amd64 1.2.1-1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:52 http://deb.debian.org/debian bookworm/main amd64 gpg-agent amd64 '
                 '2.2.40-1.1+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:53 http://deb.debian.org/debian bookworm/main amd64 gpg-wks-client amd64 '
                 '2.2.40-1.1+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:54 http://deb.debian.org/debian bookworm/main amd64 gpg-wks-server amd64 '
                 '2.2.40-1.1+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:55 http://deb.debian.org/debian bookworm/main amd64 gpgsm amd64 '
                 '2.2.40-1.1+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:56 http://deb.debian.org/debian bookworm/main amd64 gnupg all '
                 '2.2.40-1.1+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:57 http://deb.debian.org/debian bookworm/main amd64 javascript-common '
                 'all 11+nmu1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:58 http://deb.debian.org/debian bookworm/main amd64 libabsl20220623 '
                 'amd64 20220623.1-1+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:59 http://deb.debian.org/debian bookworm/main amd64 '
                 'libalgorithm-diff-perl all 1.201-1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:60 http://deb.debian.org/debian bookworm/main amd64 '
                 'libalgorithm-diff-xs-perl amd64 0.04-8+b1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:61 http://deb.debian.org/debian bookworm/main amd64 '
                 'libalgorithm-merge-perl all 0.08-5\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:62 http://deb.debian.org/debian bookworm/main amd64 libaom3 amd64 '
                 '3.6.0-1+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:63 http://deb.debian.org/debian bookworm/main amd64 libdav1d6 amd64 '
                 '1.0.0-2+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:64 http://deb.debian.org/debian bookworm/main amd64 libgav1-1 amd64 '
                 '0.18.0-1+b1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:65 http://deb.debian.org/debian bookworm/main amd64 librav1e0 amd64 '
                 '0.5.1-6\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:66 http://deb.debian.org/debian bookworm/main amd64 libsvtav1enc1 amd64 '
                 '1.4.1+dfsg-1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:67 http://deb.debian.org/debian bookworm/main amd64 libjpeg62-turbo '
                 'amd64 1:2.1.5-2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:68 http://deb.debian.org/debian bookworm/main amd64 libyuv0 amd64 '
                 '0.0~git20230123.b2528b0-1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:69 http://deb.debian.org/debian bookworm/main amd64 libavif15 amd64 '
                 '0.11.1-1+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:70 http://deb.debian.org/debian bookworm/main amd64 libpng16-16 amd64 '
                 '1.6.39-2+deb12u5\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:71 http://deb.debian.org/debian bookworm/main amd64 libfreetype6 amd64 '
                 '2.12.1+dfsg-5+deb12u4\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:72 http://deb.debian.org/debian bookworm/main amd64 libfontconfig1 amd64 '
                 '2.14.1-4\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:73 http://deb.debian.org/debian bookworm/main amd64 libde265-0 amd64 '
                 '1.0.11-1+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:74 http://deb.debian.org/debian bookworm/main amd64 libnuma1 amd64 '
                 '2.0.16-1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:75 http://deb.debian.org/debian bookworm/main amd64 libx265-199 amd64 '
                 '3.5-2+b1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:76 http://deb.debian.org/debian bookworm/main amd64 libheif1 amd64 '
                 '1.15.1-1+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:77 http://deb.debian.org/debian bookworm/main amd64 libdeflate0 amd64 '
                 '1.14-1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:78 http://deb.debian.org/debian bookworm/main amd64 libjbig0 amd64 '
                 '2.1-6.1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:79 http://deb.debian.org/debian bookworm/main amd64 liblerc4 amd64 '
                 '4.0.0+ds-2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:80 http://deb.debian.org/debian bookworm/main amd64 libwebp7 amd64 '
                 '1.2.4-0.2+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:81 http://deb.debian.org/debian bookworm/main amd64 libtiff6 amd64 '
                 '4.5.0-6+deb12u4\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:82 http://deb.debian.org/debian bookworm/main amd64 libxau6 amd64 '
                 '1:1.0.9-1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:83 http://deb.debian.org/debian bookworm/main amd64 libxdmcp6 amd64 '
                 '1:1.1.2-3\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:84 http://deb.debian.org/debian bookworm/main amd64 libxcb1 amd64 '
                 '1.15-1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:85 http://deb.debian.org/debian bookworm/main amd64 libx11-data all '
                 '2:1.8.4-2+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:86 http://deb.debian.org/debian bookworm/main amd64 libx11-6 amd64 '
                 '2:1.8.4-2+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:87 http://deb.debian.org/debian bookworm/main amd64 libxpm4 amd64 '
                 '1:3.5.12-1.1+deb12u1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:88 http://deb.debian.org/debian bookworm/main amd64 libgd3 amd64 '
                 '2.3.3-9\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:89 http://deb.debian.org/debian bookworm/main amd64 libc-devtools amd64 '
                 '2.36-9+deb12u14\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:90 http://deb.debian.org/debian bookworm/main amd64 libexpat1-dev amd64 '
                 '2.5.0-1+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:91 http://deb.debian.org/debian bookworm/main amd64 '
                 'libfile-fcntllock-perl amd64 0.22-4+b1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:92 http://deb.debian.org/debian bookworm/main amd64 libjs-jquery all '
                 '3.6.1+dfsg+~3.5.14-1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:93 http://deb.debian.org/debian bookworm/main amd64 libjs-underscore all '
                 '1.13.4~dfsg+~1.11.4-3\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:94 http://deb.debian.org/debian bookworm/main amd64 libjs-sphinxdoc all '
                 '5.3.0-4\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:95 http://deb.debian.org/debian bookworm/main amd64 libpython3.11 amd64 '
                 '3.11.2-6+deb12u8\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:96 http://deb.debian.org/debian bookworm/main amd64 zlib1g-dev amd64 '
                 '1:1.2.13.dfsg-1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:97 http://deb.debian.org/debian bookworm/main amd64 libpython3.11-dev '
                 'amd64 3.11.2-6+deb12u8\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:98 http://deb.debian.org/debian bookworm/main amd64 libpython3-dev amd64 '
                 '3.11.2-1+b1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:99 http://deb.debian.org/debian bookworm/main amd64 manpages-dev all '
                 '6.03-2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:100 http://deb.debian.org/debian bookworm/main amd64 python3.11-dev '
                 'amd64 3.11.2-6+deb12u8\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:101 http://deb.debian.org/debian bookworm/main amd64 python3-lib2to3 all '
                 '3.11.2-3\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:102 http://deb.debian.org/debian bookworm/main amd64 python3-distutils '
                 'all 3.11.2-3\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:103 http://deb.debian.org/debian bookworm/main amd64 python3-dev amd64 '
                 '3.11.2-1+b1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:104 http://deb.debian.org/debian bookworm/main amd64 '
                 'python3-pkg-resources all 66.1.1-1+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:105 http://deb.debian.org/debian bookworm/main amd64 python3-setuptools '
                 'all 66.1.1-1+deb12u2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:106 http://deb.debian.org/debian bookworm/main amd64 python3-wheel all '
                 '0.38.4-2\n'
                 "  Temporary failure resolving 'deb.debian.org'\n"
                 'Err:107 http://deb.debian.org/debian bookworm/main amd64 python3-pip all '
                 '23.0.1+dfsg-1\n'
                 "  Temporary failure resolving 'deb.debian.org'\n",
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/b/binutils/binutils-common_2.40-2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/b/binutils/libbinutils_2.40-2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/b/binutils/libctf-nobfd0_2.40-2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/b/binutils/libctf0_2.40-2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/b/binutils/libgprofng0_2.40-2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/b/binutils/binutils-x86-64-linux-gnu_2.40-2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/b/binutils/binutils_2.40-2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/glibc/libc-dev-bin_2.36-9%2bdeb12u14_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/l/linux/linux-libc-dev_6.1.176-1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libx/libxcrypt/libcrypt-dev_4.4.33-2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libt/libtirpc/libtirpc-dev_1.3.3%2bds-1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libn/libnsl/libnsl-dev_1.3.0-2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/r/rpcsvc-proto/rpcsvc-proto_1.4.3-1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/glibc/libc6-dev_2.36-9%2bdeb12u14_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/i/isl/libisl23_0.25-1.1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/m/mpfr4/libmpfr6_4.2.0-1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/m/mpclib3/libmpc3_1.3.1-1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gcc-12/cpp-12_12.2.0-14%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gcc-defaults/cpp_12.2.0-3_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gcc-12/libcc1-0_12.2.0-14%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gcc-12/libgomp1_12.2.0-14%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gcc-12/libitm1_12.2.0-14%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gcc-12/libasan8_12.2.0-14%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gcc-12/liblsan0_12.2.0-14%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gcc-12/libtsan2_12.2.0-14%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gcc-12/libubsan1_12.2.0-14%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gcc-12/libquadmath0_12.2.0-14%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gcc-12/libgcc-12-dev_12.2.0-14%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gcc-12/gcc-12_12.2.0-14%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gcc-defaults/gcc_12.2.0-3_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gcc-12/libstdc%2b%2b-12-dev_12.2.0-14%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gcc-12/g%2b%2b-12_12.2.0-14%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gcc-defaults/g%2b%2b_12.2.0-3_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/m/make-dfsg/make_4.3-4.1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/d/dpkg/libdpkg-perl_1.21.23_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/p/patch/patch_2.7.6-7_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/d/dpkg/dpkg-dev_1.21.23_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/b/build-essential/build-essential_12.9_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/liba/libassuan/libassuan0_2.5.5-5_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gnupg2/gpgconf_2.2.40-1.1%2bdeb12u2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libk/libksba/libksba8_1.6.3-2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/n/npth/libnpth0_1.6-3_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gnupg2/dirmngr_2.2.40-1.1%2bdeb12u2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/f/fakeroot/libfakeroot_1.31-1.2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/f/fakeroot/fakeroot_1.31-1.2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/f/fonts-dejavu/fonts-dejavu-core_2.37-6_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/f/fontconfig/fontconfig-config_2.14.1-4_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gnupg2/gnupg-l10n_2.2.40-1.1%2bdeb12u2_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gnupg2/gnupg-utils_2.2.40-1.1%2bdeb12u2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gnupg2/gpg_2.2.40-1.1%2bdeb12u2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/p/pinentry/pinentry-curses_1.2.1-1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gnupg2/gpg-agent_2.2.40-1.1%2bdeb12u2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gnupg2/gpg-wks-client_2.2.40-1.1%2bdeb12u2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gnupg2/gpg-wks-server_2.2.40-1.1%2bdeb12u2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gnupg2/gpgsm_2.2.40-1.1%2bdeb12u2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/gnupg2/gnupg_2.2.40-1.1%2bdeb12u2_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/j/javascript-common/javascript-common_11%2bnmu1_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/a/abseil/libabsl20220623_20220623.1-1%2bdeb12u2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/liba/libalgorithm-diff-perl/libalgorithm-diff-perl_1.201-1_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/liba/libalgorithm-diff-xs-perl/libalgorithm-diff-xs-perl_0.04-8%2bb1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/liba/libalgorithm-merge-perl/libalgorithm-merge-perl_0.08-5_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/a/aom/libaom3_3.6.0-1%2bdeb12u2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/d/dav1d/libdav1d6_1.0.0-2%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libg/libgav1/libgav1-1_0.18.0-1%2bb1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/r/rust-rav1e/librav1e0_0.5.1-6_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/s/svt-av1/libsvtav1enc1_1.4.1%2bdfsg-1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libj/libjpeg-turbo/libjpeg62-turbo_2.1.5-2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/liby/libyuv/libyuv0_0.0%7egit20230123.b2528b0-1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/liba/libavif/libavif15_0.11.1-1%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libp/libpng1.6/libpng16-16_1.6.39-2%2bdeb12u5_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/f/freetype/libfreetype6_2.12.1%2bdfsg-5%2bdeb12u4_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/f/fontconfig/libfontconfig1_2.14.1-4_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libd/libde265/libde265-0_1.0.11-1%2bdeb12u2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/n/numactl/libnuma1_2.0.16-1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/x/x265/libx265-199_3.5-2%2bb1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libh/libheif/libheif1_1.15.1-1%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libd/libdeflate/libdeflate0_1.14-1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/j/jbigkit/libjbig0_2.1-6.1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/l/lerc/liblerc4_4.0.0%2bds-2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libw/libwebp/libwebp7_1.2.4-0.2%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/t/tiff/libtiff6_4.5.0-6%2bdeb12u4_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libx/libxau/libxau6_1.0.9-1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libx/libxdmcp/libxdmcp6_1.1.2-3_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libx/libxcb/libxcb1_1.15-1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libx/libx11/libx11-data_1.8.4-2%2bdeb12u2_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libx/libx11/libx11-6_1.8.4-2%2bdeb12u2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libx/libxpm/libxpm4_3.5.12-1.1%2bdeb12u1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libg/libgd2/libgd3_2.3.3-9_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/g/glibc/libc-devtools_2.36-9%2bdeb12u14_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/e/expat/libexpat1-dev_2.5.0-1%2bdeb12u2_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/libf/libfile-fcntllock-perl/libfile-fcntllock-perl_0.22-4%2bb1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/n/node-jquery/libjs-jquery_3.6.1%2bdfsg%2b%7e3.5.14-1_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/u/underscore/libjs-underscore_1.13.4%7edfsg%2b%7e1.11.4-3_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/s/sphinx/libjs-sphinxdoc_5.3.0-4_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/p/python3.11/libpython3.11_3.11.2-6%2bdeb12u8_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/z/zlib/zlib1g-dev_1.2.13.dfsg-1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/p/python3.11/libpython3.11-dev_3.11.2-6%2bdeb12u8_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/p/python3-defaults/libpython3-dev_3.11.2-1%2bb1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/m/manpages/manpages-dev_6.03-2_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/p/python3.11/python3.11-dev_3.11.2-6%2bdeb12u8_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/p/python3-stdlib-extensions/python3-lib2to3_3.11.2-3_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/p/python3-stdlib-extensions/python3-distutils_3.11.2-3_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/p/python3-defaults/python3-dev_3.11.2-1%2bb1_amd64.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/s/setuptools/python3-pkg-resources_66.1.1-1%2bdeb12u2_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/s/setuptools/python3-setuptools_66.1.1-1%2bdeb12u2_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/w/wheel/python3-wheel_0.38.4-2_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Failed to fetch '
                 'http://deb.debian.org/debian/pool/main/p/python-pip/python3-pip_23.0.1%2bdfsg-1_all.deb  '
                 "Temporary failure resolving 'deb.debian.org'\n"
                 'E: Unable to fetch some archives, maybe run apt-get update or try with '
                 '--fix-missing?\n',
                 100),
 'screen': ('Reading package lists... Done\n'
            'Building dependency tree... Done\n'
            'Reading state information... Done\n'
            'The following additional packages will be installed:\n'
            '  libutempter0\n'
            'Suggested packages:\n'
            '  byobu | screenie | iselect ncurses-term\n'
            'The following NEW packages will be installed:\n'
            '  libutempter0 screen\n'
            '0 upgraded, 2 newly installed, 0 to remove and 0 not upgraded.\n'
            'Need to get 600 kB of archives.\n'
            'After this operation, 1072 kB of additional disk space will be used.\n'
            'Err:1 http://deb.debian.org/debian bookworm/main amd64 libutempter0 amd64 '
            '1.2.1-3\n'
            "  Temporary failure resolving 'deb.debian.org'\n"
            'Err:2 http://deb.debian.org/debian bookworm/main amd64 screen amd64 4.9.0-4\n'
            "  Temporary failure resolving 'deb.debian.org'\n",
            'E: Failed to fetch '
            'http://deb.debian.org/debian/pool/main/libu/libutempter/libutempter0_1.2.1-3_amd64.deb  '
            "Temporary failure resolving 'deb.debian.org'\n"
            'E: Failed to fetch '
            'http://deb.debian.org/debian/pool/main/s/screen/screen_4.9.0-4_amd64.deb  '
            "Temporary failure resolving 'deb.debian.org'\n"
            'E: Unable to fetch some archives, maybe run apt-get update or try with '
            '--fix-missing?\n',
            100),
 'socat': ('Reading package lists... Done\n'
           'Building dependency tree... Done\n'
           'Reading state information... Done\n'
           'The following additional packages will be installed:\n'
           '  libwrap0\n'
           'The following NEW packages will be installed:\n'
           '  libwrap0 socat\n'
           '0 upgraded, 2 newly installed, 0 to remove and 0 not upgraded.\n'
           'Need to get 430 kB of archives.\n'
           'After this operation, 1664 kB of additional disk space will be used.\n'
           'Err:1 http://deb.debian.org/debian bookworm/main amd64 libwrap0 amd64 7.6.q-32\n'
           "  Temporary failure resolving 'deb.debian.org'\n"
           'Err:2 http://deb.debian.org/debian bookworm/main amd64 socat amd64 1.7.4.4-2\n'
           "  Temporary failure resolving 'deb.debian.org'\n",
           'E: Failed to fetch '
           'http://deb.debian.org/debian/pool/main/t/tcp-wrappers/libwrap0_7.6.q-32_amd64.deb  '
           "Temporary failure resolving 'deb.debian.org'\n"
           'E: Failed to fetch '
           'http://deb.debian.org/debian/pool/main/s/socat/socat_1.7.4.4-2_amd64.deb  '
           "Temporary failure resolving 'deb.debian.org'\n"
           'E: Unable to fetch some archives, maybe run apt-get update or try with '
           '--fix-missing?\n',
           100),
 'tcpdump': ('Reading package lists... Done\n'
             'Building dependency tree... Done\n'
             'Reading state information... Done\n'
             'The following additional packages will be installed:\n'
             '  libpcap0.8\n'
             'Suggested packages:\n'
             '  apparmor\n'
             'The following NEW packages will be installed:\n'
             '  libpcap0.8 tcpdump\n'
             '0 upgraded, 2 newly installed, 0 to remove and 0 not upgraded.\n'
             'Need to get 624 kB of archives.\n'
             'After this operation, 1741 kB of additional disk space will be used.\n'
             'Err:1 http://deb.debian.org/debian bookworm/main amd64 libpcap0.8 amd64 '
             '1.10.3-1\n'
             "  Temporary failure resolving 'deb.debian.org'\n"
             'Err:2 http://deb.debian.org/debian bookworm/main amd64 tcpdump amd64 4.99.3-1\n'
             "  Temporary failure resolving 'deb.debian.org'\n",
             'E: Failed to fetch '
             'http://deb.debian.org/debian/pool/main/libp/libpcap/libpcap0.8_1.10.3-1_amd64.deb  '
             "Temporary failure resolving 'deb.debian.org'\n"
             'E: Failed to fetch '
             'http://deb.debian.org/debian/pool/main/t/tcpdump/tcpdump_4.99.3-1_amd64.deb  '
             "Temporary failure resolving 'deb.debian.org'\n"
             'E: Unable to fetch some archives, maybe run apt-get update or try with '
             '--fix-missing?\n',
             100),
 'tmux': ('Reading package lists... Done\n'
          'Building dependency tree... Done\n'
          'Reading state information... Done\n'
          'The following additional packages will be installed:\n'
          '  libevent-core-2.1-7 libutempter0\n'
          'The following NEW packages will be installed:\n'
          '  libevent-core-2.1-7 libutempter0 tmux\n'
          '0 upgraded, 3 newly installed, 0 to remove and 0 not upgraded.\n'
          'Need to get 595 kB of archives.\n'
          'After this operation, 1493 kB of additional disk space will be used.\n'
          'Err:1 http://deb.debian.org/debian bookworm/main amd64 libevent-core-2.1-7 amd64 '
          '2.1.12-stable-8\n'
          "  Temporary failure resolving 'deb.debian.org'\n"
          'Err:2 http://deb.debian.org/debian bookworm/main amd64 libutempter0 amd64 1.2.1-3\n'
          "  Temporary failure resolving 'deb.debian.org'\n"
          'Err:3 http://deb.debian.org/debian bookworm/main amd64 tmux amd64 3.3a-3\n'
          "  Temporary failure resolving 'deb.debian.org'\n",
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/libe/libevent/libevent-core-2.1-7_2.1.12-stable-8_amd64.deb  '
          "Temporary failure resolving 'deb.debian.org'\n"
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/libu/libutempter/libutempter0_1.2.1-3_amd64.deb  '
          "Temporary failure resolving 'deb.debian.org'\n"
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/t/tmux/tmux_3.3a-3_amd64.deb  Temporary '
          "failure resolving 'deb.debian.org'\n"
          'E: Unable to fetch some archives, maybe run apt-get update or try with '
          '--fix-missing?\n',
          100),
 'tor': ('Reading package lists... Done\n'
         'Building dependency tree... Done\n'
         'Reading state information... Done\n'
         'The following additional packages will be installed:\n'
         '  libevent-2.1-7 libpopt0 logrotate runit-helper tor-geoipdb torsocks\n'
         'Suggested packages:\n'
         '  bsd-mailx | mailx mixmaster torbrowser-launcher socat apparmor-utils nyx\n'
         '  obfs4proxy\n'
         'The following NEW packages will be installed:\n'
         '  libevent-2.1-7 libpopt0 logrotate runit-helper tor tor-geoipdb torsocks\n'
         '0 upgraded, 7 newly installed, 0 to remove and 0 not upgraded.\n'
         'Need to get 5207 kB of archives.\n'
         'After this operation, 33.3 MB of additional disk space will be used.\n'
         'Err:1 http://deb.debian.org/debian bookworm/main amd64 libpopt0 amd64 1.19+dfsg-1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:2 http://deb.debian.org/debian bookworm/main amd64 logrotate amd64 3.21.0-1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:3 http://deb.debian.org/debian bookworm/main amd64 libevent-2.1-7 amd64 '
         '2.1.12-stable-8\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:4 http://deb.debian.org/debian bookworm/main amd64 runit-helper all 2.15.2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:5 http://deb.debian.org/debian bookworm/main amd64 tor amd64 0.4.9.11-0+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:6 http://deb.debian.org/debian bookworm/main amd64 tor-geoipdb all '
         '0.4.9.11-0+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:7 http://deb.debian.org/debian bookworm/main amd64 torsocks amd64 2.4.0-1\n'
         "  Temporary failure resolving 'deb.debian.org'\n",
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/p/popt/libpopt0_1.19%2bdfsg-1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/l/logrotate/logrotate_3.21.0-1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libe/libevent/libevent-2.1-7_2.1.12-stable-8_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/d/dh-runit/runit-helper_2.15.2_all.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/t/tor/tor_0.4.9.11-0%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/t/tor/tor-geoipdb_0.4.9.11-0%2bdeb12u1_all.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/t/torsocks/torsocks_2.4.0-1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Unable to fetch some archives, maybe run apt-get update or try with '
         '--fix-missing?\n',
         100),
 'unzip': ('Reading package lists... Done\n'
           'Building dependency tree... Done\n'
           'Reading state information... Done\n'
           'Suggested packages:\n'
           '  zip\n'
           'The following NEW packages will be installed:\n'
           '  unzip\n'
           '0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.\n'
           'Need to get 166 kB of archives.\n'
           'After this operation, 388 kB of additional disk space will be used.\n'
           'Err:1 http://deb.debian.org/debian bookworm/main amd64 unzip amd64 6.0-28\n'
           "  Temporary failure resolving 'deb.debian.org'\n",
           'E: Failed to fetch '
           'http://deb.debian.org/debian/pool/main/u/unzip/unzip_6.0-28_amd64.deb  Temporary '
           "failure resolving 'deb.debian.org'\n"
           'E: Unable to fetch some archives, maybe run apt-get update or try with '
           '--fix-missing?\n',
           100),
 'vim': ('Reading package lists... Done\n'
         'Building dependency tree... Done\n'
         'Reading state information... Done\n'
         'The following additional packages will be installed:\n'
         '  libgpm2 libsodium23 vim-runtime\n'
         'Suggested packages:\n'
         '  gpm ctags vim-doc vim-scripts\n'
         'The following NEW packages will be installed:\n'
         '  libgpm2 libsodium23 vim vim-runtime\n'
         '0 upgraded, 4 newly installed, 0 to remove and 0 not upgraded.\n'
         'Need to get 8771 kB of archives.\n'
         'After this operation, 41.5 MB of additional disk space will be used.\n'
         'Err:1 http://deb.debian.org/debian bookworm/main amd64 libgpm2 amd64 1.20.7-10+b1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:2 http://deb.debian.org/debian bookworm/main amd64 libsodium23 amd64 '
         '1.0.18-1+deb12u1\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:3 http://deb.debian.org/debian bookworm/main amd64 vim-runtime all '
         '2:9.0.1378-2+deb12u2\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:4 http://deb.debian.org/debian bookworm/main amd64 vim amd64 '
         '2:9.0.1378-2+deb12u2\n'
         "  Temporary failure resolving 'deb.debian.org'\n",
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/g/gpm/libgpm2_1.20.7-10%2bb1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/libs/libsodium/libsodium23_1.0.18-1%2bdeb12u1_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/v/vim/vim-runtime_9.0.1378-2%2bdeb12u2_all.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/v/vim/vim_9.0.1378-2%2bdeb12u2_amd64.deb  '
         "Temporary failure resolving 'deb.debian.org'\n"
         'E: Unable to fetch some archives, maybe run apt-get update or try with '
         '--fix-missing?\n',
         100),
 'zip': ('Reading package lists... Done\n'
         'Building dependency tree... Done\n'
         'Reading state information... Done\n'
         'The following additional packages will be installed:\n'
         '  unzip\n'
         'The following NEW packages will be installed:\n'
         '  unzip zip\n'
         '0 upgraded, 2 newly installed, 0 to remove and 0 not upgraded.\n'
         'Need to get 396 kB of archives.\n'
         'After this operation, 1019 kB of additional disk space will be used.\n'
         'Err:1 http://deb.debian.org/debian bookworm/main amd64 unzip amd64 6.0-28\n'
         "  Temporary failure resolving 'deb.debian.org'\n"
         'Err:2 http://deb.debian.org/debian bookworm/main amd64 zip amd64 3.0-13\n'
         "  Temporary failure resolving 'deb.debian.org'\n",
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/u/unzip/unzip_6.0-28_amd64.deb  Temporary '
         "failure resolving 'deb.debian.org'\n"
         'E: Failed to fetch '
         'http://deb.debian.org/debian/pool/main/z/zip/zip_3.0-13_amd64.deb  Temporary failure '
         "resolving 'deb.debian.org'\n"
         'E: Unable to fetch some archives, maybe run apt-get update or try with '
         '--fix-missing?\n',
         100),
 'zmap': ('Reading package lists... Done\n'
          'Building dependency tree... Done\n'
          'Reading state information... Done\n'
          'The following additional packages will be installed:\n'
          '  libhiredis0.14 libpcap0.8\n'
          'The following NEW packages will be installed:\n'
          '  libhiredis0.14 libpcap0.8 zmap\n'
          '0 upgraded, 3 newly installed, 0 to remove and 0 not upgraded.\n'
          'Need to get 295 kB of archives.\n'
          'After this operation, 850 kB of additional disk space will be used.\n'
          'Err:1 http://deb.debian.org/debian bookworm/main amd64 libhiredis0.14 amd64 '
          '0.14.1-3\n'
          "  Temporary failure resolving 'deb.debian.org'\n"
          'Err:2 http://deb.debian.org/debian bookworm/main amd64 libpcap0.8 amd64 1.10.3-1\n'
          "  Temporary failure resolving 'deb.debian.org'\n"
          'Err:3 http://deb.debian.org/debian bookworm/main amd64 zmap amd64 2.1.1-2+b6\n'
          "  Temporary failure resolving 'deb.debian.org'\n",
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/h/hiredis/libhiredis0.14_0.14.1-3_amd64.deb  '
          "Temporary failure resolving 'deb.debian.org'\n"
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/libp/libpcap/libpcap0.8_1.10.3-1_amd64.deb  '
          "Temporary failure resolving 'deb.debian.org'\n"
          'E: Failed to fetch '
          'http://deb.debian.org/debian/pool/main/z/zmap/zmap_2.1.1-2%2bb6_amd64.deb  '
          "Temporary failure resolving 'deb.debian.org'\n"
          'E: Unable to fetch some archives, maybe run apt-get update or try with '
          '--fix-missing?\n',
          100)}
