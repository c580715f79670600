// Prints a PDF of this site without leaving the page: it loads in a frame out of sight, then the browser's print dialog
// opens on it (no blank tab, no download). If the browser refuses to print a frame, the PDF opens in a new tab instead.
export function printPdf(url) {
    document.getElementById('print-frame')?.remove();
    const frame = document.createElement('iframe');
    frame.id = 'print-frame';
    frame.title = 'print';
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:10px;height:10px;border:0;visibility:hidden';
    frame.addEventListener('load', () => {
        try {
            frame.contentWindow.focus();
            frame.contentWindow.print();
            frame.dataset.printed = 'true';
        } catch {
            window.open(url, '_blank', 'noopener');
        }
    });
    frame.src = url;
    document.body.appendChild(frame);
}
