#!/bin/sh
# Fetch Debian's texlive-bibtex-extra (large real BibTeX bibliographies, e.g. Beebe's tugboat.bib)
# and unpack it under a cache folder, outside the repository. Used by measure.py and by the
# round-trip test on a large file (tests/formats/test_roundtrip.py), which skips when it is absent.
#   scripts/agreement/fetch_texlive.sh [FOLDER]     (default: ../texlive next to the checkout,
#                                                    or $CITEKIT_TEXLIVE)
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
target=${1:-${CITEKIT_TEXLIVE:-$here/../texlive}}
mkdir -p "$target"
cd "$target"
if [ ! -f usr/share/texlive/texmf-dist/bibtex/bib/beebe/tugboat.bib ]; then
    apt-get download texlive-bibtex-extra
    dpkg -x texlive-bibtex-extra_*.deb .
fi
echo "$target/usr/share/texlive/texmf-dist/bibtex/bib"
