package neo4j

// The driver returns Cypher values as any: strings, int64, float64, []any and map[string]any.
// These read them, taking null (nil) as the zero value.

func str(v any) string {
	s, _ := v.(string)
	return s
}

func integer(v any) int {
	n, _ := v.(int64)
	return int(n)
}

func float(v any) float64 {
	switch n := v.(type) {
	case float64:
		return n
	case int64:
		return float64(n)
	}
	return 0
}

func strs(v any) []string {
	list, _ := v.([]any)
	if len(list) == 0 {
		return nil
	}
	out := make([]string, 0, len(list))
	for _, x := range list {
		out = append(out, str(x))
	}
	return out
}

func ints(v any) []int {
	list, _ := v.([]any)
	out := make([]int, 0, len(list))
	for _, x := range list {
		out = append(out, integer(x))
	}
	return out
}

func rows(v any) [][]any {
	list, _ := v.([]any)
	out := make([][]any, 0, len(list))
	for _, x := range list {
		if row, ok := x.([]any); ok {
			out = append(out, row)
		}
	}
	return out
}

func maps(v any) []map[string]any {
	list, _ := v.([]any)
	out := make([]map[string]any, 0, len(list))
	for _, x := range list {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// nullable returns nil for "", so that Cypher removes the property instead of storing "".
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
