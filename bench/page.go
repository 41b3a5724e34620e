package bench

import (
	"net/http"
	"strconv"
)

// AppendListPage appends one outboundbot ListInstances answer to dst: page
// pageNumber (from 1) of pageSize instances out of total. Each instance is
// the documented example instance (testdata/ListInstances/response.json)
// with its own InstanceId and CreationTime, so a paginator sees distinct
// pages. The JSON is compact, as the service sends it.
func AppendListPage(dst []byte, pageNumber, pageSize, total int) []byte {
	first := (pageNumber - 1) * pageSize
	n := max(0, min(pageSize, total-first))
	dst = append(dst, `{"HttpStatusCode":200,"Code":"OK","Message":"Success","RequestId":"254EB995-DEDF-48A4-9101-9CA5B72FFBCC","Success":true,"Instances":[`...)
	for i := range n {
		idx := first + i
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"CreationTime":`...)
		dst = strconv.AppendInt(dst, 1578469042851+int64(idx), 10)
		dst = append(dst, `,"InstanceId":"90515b5-6115-4ccf-83e2-`...)
		dst = appendPadded(dst, idx, 12)
		dst = append(dst, `","OwnerName":"xxx","CreatorId":34234,"InstanceDescription":"这是一个实例","InstanceName":"回访","ResourceGroupId":"90515b5-6115-4ccf-83e2-52d5bfaf2ddf","CreatorName":"xxx","MaxConcurrentConversation":10,"ResourceTags":[{"Key":"age","Value":"20"}],"IsPreset":false}`...)
	}
	dst = append(dst, `],"TotalCount":`...)
	dst = strconv.AppendInt(dst, int64(total), 10)
	dst = append(dst, `,"PageNumber":`...)
	dst = strconv.AppendInt(dst, int64(pageNumber), 10)
	dst = append(dst, `,"PageSize":`...)
	dst = strconv.AppendInt(dst, int64(pageSize), 10)
	return append(dst, '}')
}

func appendPadded(dst []byte, v, width int) []byte {
	var b [20]byte
	s := strconv.AppendInt(b[:0], int64(v), 10)
	for range width - len(s) {
		dst = append(dst, '0')
	}
	return append(dst, s...)
}

// ListPages answers ListInstances requests from a listing of total
// instances: the page named by the PageNumber and PageSize query
// parameters (1 and 10 when absent, as the service defaults). Each page is
// generated per request into a new buffer that is garbage once written, so
// the server keeps no memory between requests (the ListAll benchmarks
// measure the live heap).
func ListPages(total int) Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		page, err := strconv.Atoi(q.Get("PageNumber"))
		if err != nil || page < 1 {
			page = 1
		}
		size, err := strconv.Atoi(q.Get("PageSize"))
		if err != nil || size < 1 {
			size = 10
		}
		body := AppendListPage(make([]byte, 0, 420*size+256), page, size, total)
		h := w.Header()
		h["Content-Type"] = jsonContentType
		h["Content-Length"] = []string{strconv.Itoa(len(body))}
		w.Write(body)
	}
}
