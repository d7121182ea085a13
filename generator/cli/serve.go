package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/digitale-staedte/benchmark/generator/pipeline"
	"github.com/digitale-staedte/benchmark/generator/serve"
	"github.com/spf13/cobra"
)

func serveCommand(stdout, stderr io.Writer, lang string, t text, tt toolText) *cobra.Command {
	var dataDir, siteDir string
	var port int
	cmd := &cobra.Command{
		Use:   "serve",
		Short: tt.serveShort,
		Long:  tt.serveLong,
		Args:  noArgs(lang),
		RunE: func(cmd *cobra.Command, _ []string) error {
			// Only this computer: the preview shows unpublished data.
			ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
			if err != nil {
				return err
			}
			base := "http://" + ln.Addr().String() + "/"
			prog := newProgress(stderr)
			srv, err := serve.New(serve.Options{
				DataDir: dataDir, SiteDir: siteDir, BaseURL: base, Lang: lang,
				Progress: func(done, total int, file string) { prog.files(tt.progressRead, done, total, file) },
				Report: func(r serve.Report) {
					prog.done()
					report(stderr, r.Problems, lang)
					what := strings.Join(relative(r.Changed), ", ")
					if what == "" || r.Generation == 0 {
						what = dataDir
					}
					switch {
					case r.Err == nil:
						fmt.Fprintf(stdout, tt.rebuilt, what, seconds(r.Took, lang), t.nWarnings.of(len(r.Problems)))
					case errors.Is(r.Err, pipeline.ErrInvalidData):
						fmt.Fprintf(stderr, tt.rebuildFailed, what, t.nErrors.of(r.Problems.Errors()))
					default:
						fmt.Fprintf(stderr, "generator: %v\n", r.Err)
					}
				},
			})
			if err != nil {
				return err
			}
			defer srv.Close()
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
			go func() { _ = hs.Serve(ln) }()
			fmt.Fprintf(stdout, tt.serving, base)
			fmt.Fprintf(stdout, tt.watching, dataDir)
			err = srv.Run(ctx)
			shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			_ = hs.Shutdown(shut)
			return err
		},
	}
	addDataFlag(cmd, &dataDir, t)
	cmd.Flags().StringVar(&siteDir, "site", "site", t.flagSite)
	cmd.Flags().IntVar(&port, "port", 1313, tt.flagPort)
	return cmd
}

// relative shortens paths below the working directory for the terminal.
func relative(paths []string) []string {
	wd, _ := os.Getwd()
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = p
		if r, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(r, "..") {
			out[i] = r
		}
	}
	return out
}

// seconds prints d as "3.79 s", with a decimal comma in German.
func seconds(d time.Duration, lang string) string {
	s := strconv.FormatFloat(d.Seconds(), 'f', 2, 64) + " s"
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
