package changes

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/digitale-staedte/benchmark/generator/opendata"
)

// maxRelease bounds what is read of a previous release: a data package
// larger than this is refused rather than filling the memory (a ZIP bomb
// or a wrong URL).
const maxRelease = 512 << 20

// Load reads the previous release named by src: a folder holding the
// downloads (datapackage.json and csv/), a ZIP of them, or an http(s) URL
// of either the ZIP or the datapackage.json. get fetches a URL (nil: a
// plain HTTP client with a timeout).
func Load(src string, get func(string) ([]byte, error)) (Release, error) {
	if get == nil {
		get = fetch
	}
	rel := Release{Source: src, Tables: map[string][]map[string]string{}}
	var read func(name string) ([]byte, error)
	switch {
	case strings.HasPrefix(src, "https://") || strings.HasPrefix(src, "http://"):
		if strings.HasSuffix(strings.ToLower(src), ".zip") {
			b, err := get(src)
			if err != nil {
				return rel, err
			}
			if read, err = zipReader(b); err != nil {
				return rel, fmt.Errorf("%s: %w", src, err)
			}
			break
		}
		base, err := url.Parse(src)
		if err != nil {
			return rel, err
		}
		read = func(name string) ([]byte, error) {
			ref := *base
			ref.Path = path.Join(path.Dir(base.Path), name)
			return get(ref.String())
		}
	case strings.HasSuffix(strings.ToLower(src), ".zip"):
		b, err := readLimited(src)
		if err != nil {
			return rel, err
		}
		if read, err = zipReader(b); err != nil {
			return rel, fmt.Errorf("%s: %w", src, err)
		}
	default:
		read = func(name string) ([]byte, error) { return readLimited(filepath.Join(src, filepath.FromSlash(name))) }
	}
	for _, t := range slices.Concat(neededTables, optionalTables) {
		b, err := read("csv/" + t + ".csv")
		if errors.Is(err, fs.ErrNotExist) && slices.Contains(optionalTables, t) {
			continue // a release made before the table existed
		}
		if err != nil {
			return rel, fmt.Errorf("previous release %s: table %s: %w", src, t, err)
		}
		rows, err := parseCSV(b)
		if err != nil {
			return rel, fmt.Errorf("previous release %s: csv/%s.csv: %w", src, t, err)
		}
		rel.Tables[t] = rows
	}
	return rel, nil
}

func parseCSV(b []byte) ([]map[string]string, error) {
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, errors.New("empty file; expected a header row")
	}
	head := recs[0]
	out := make([]map[string]string, 0, len(recs)-1)
	for _, r := range recs[1:] {
		m := make(map[string]string, len(head))
		for i, h := range head {
			if i < len(r) {
				m[h] = opendata.Unneutralise(r[i])
			}
		}
		out = append(out, m)
	}
	return out, nil
}

func zipReader(b []byte) (func(string) ([]byte, error), error) {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	return func(name string) ([]byte, error) {
		f, err := z.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return limited(f)
	}, nil
}

func readLimited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return limited(f)
}

func limited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxRelease+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxRelease {
		return nil, fmt.Errorf("larger than %d MiB; expected a data package of this site", maxRelease>>20)
	}
	return b, nil
}

func fetch(u string) ([]byte, error) {
	c := &http.Client{Timeout: 60 * time.Second}
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		// As a missing file is: a table a release need not have.
		return nil, fmt.Errorf("%s: %s: %w", u, resp.Status, fs.ErrNotExist)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", u, resp.Status)
	}
	return limited(resp.Body)
}
