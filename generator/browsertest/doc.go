// Package browsertest opens the built site in headless Chromium (chromedp)
// and checks what only a browser can: every chart draws, no console error,
// no request to another origin, no axe-core violation of WCAG 2.1 AA, and
// text from spreadsheets never runs as script.
//
// The tests build the site with the real pipeline into a temporary folder
// and serve it on 127.0.0.1. They need Chromium (/usr/bin/chromium, or the
// path in $CHROMIUM) and the npm packages in site/node_modules (make test
// installs them). Without Chromium they are skipped, except when $CI is set:
// there a missing browser fails them.
package browsertest
