package browsertest

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Screenshots are for people, not assertions: tests read the DOM, and a
// clipped column or a crowded chart is often plain only to the eye.
var (
	shotsDir   = flag.String("shots", "", "write full-page PNG screenshots of the sample site into this folder (TestScreenshots)")
	shotsPages = flag.String("shots-pages", "/,/en/,/partner/muenchen/,/en/partners/nuernberg/,/vergleich/?c=augsburg,muenchen,nuernberg,/strategie/,/kennzahlen/inf-02/,/en/indicators/inn-02/",
		"comma-separated paths for -shots; a query's commas stay with its path")
)

// TestScreenshots writes each page of -shots-pages at phone (360 and 390
// px) and desktop (1280 px) width, with every chart drawn, as
// <dir>/<width>-<path>.png. Skipped without -shots:
//
//	go test ./generator/browsertest -run TestScreenshots -shots /tmp/shots
func TestScreenshots(t *testing.T) {
	if *shotsDir == "" {
		t.Skip("no -shots folder given")
	}
	if err := os.MkdirAll(*shotsDir, 0o755); err != nil {
		t.Fatal(err)
	}
	origin := serve(t, sampleSite(t))
	browser := startBrowser(t, chromiumPath(t))
	shots := parallel(t)
	for _, p := range shotPaths(*shotsPages) {
		for _, width := range []int64{360, 390, 1280} {
			name := strings.Trim(strings.NewReplacer("/", "_", "?", "_", "=", "_", ",", "_").Replace(p), "_")
			if name == "" {
				name = "home"
			}
			file := filepath.Join(*shotsDir, strconv.FormatInt(width, 10)+"-"+name+".png")
			shots.Run(file, func(t *testing.T) {
				ctx, _, closeTab := openTab(t, browser, 60*time.Second)
				defer closeTab()
				size := chromedp.Func(func(ctx context.Context, tab *chromedp.Target) error {
					_, err := cdp.Call(ctx, tab, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
						Width: width, Height: 844, DeviceScaleFactor: 1, Mobile: width < 800})
					return err
				})
				if err := chromedp.Do(ctx, size, chromedp.Navigate(origin.String()+p)); err != nil {
					t.Fatal(err)
				}
				charts, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("script[data-chart]").length`))
				if err != nil {
					t.Fatal(err)
				}
				if charts > 0 {
					if _, err := waitForCharts(ctx, 30*time.Second); err != nil {
						t.Fatal(err)
					}
				}
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, png, 0o644); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
	shots.Wait()
}

// shotPaths splits the -shots-pages list at commas that begin a new path.
func shotPaths(list string) []string {
	var out []string
	for _, part := range strings.Split(list, ",") {
		if strings.HasPrefix(part, "/") || len(out) == 0 {
			out = append(out, part)
		} else {
			out[len(out)-1] += "," + part
		}
	}
	return out
}
