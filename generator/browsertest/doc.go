// Package browsertest opens the built site in headless Chromium (chromedp)
// and checks what only a browser can: every chart draws as it scrolls into
// view, no console error, no request to another origin, no axe-core
// violation of WCAG 2.1 AA, text from spreadsheets never runs as script,
// and at phone width (360 px) no page scrolls sideways and no chart text
// is below 12 px, overlaps other text or is cut off.
//
// For the eye, TestScreenshots writes full-page PNGs at 360, 390 and
// 1280 px (skipped unless asked for):
//
//	go test ./generator/browsertest -run TestScreenshots -shots /tmp/shots
//
// The tests build the site with the real pipeline into a temporary folder
// and serve it on 127.0.0.1. They need Chromium (/usr/bin/chromium, or the
// path in $CHROMIUM) and the npm packages in site/node_modules (make test
// installs them). Without Chromium they are skipped, except when $CI is set:
// there a missing browser fails them.
package browsertest
