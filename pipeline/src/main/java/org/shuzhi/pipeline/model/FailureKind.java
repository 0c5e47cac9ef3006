package org.shuzhi.pipeline.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Why a file could not be analysed. Library exceptions are translated into one of these at the extraction
 * boundary ({@code org.shuzhi.pipeline.extract}); each kind carries the Chinese message and hint users see. A failed
 * file never stops a batch; the command line's exit code reflects failed files only with {@code --strict} (exit
 * codes in one place: {@code org.shuzhi.app.ShuzhiCommand}).
 */
public enum FailureKind implements StableId {
    EMPTY("文件为空或没有可读文字", "请确认上传的是定稿文件，而不是空白文档。"),
    ENCRYPTED("文件已加密或设置了打开密码", "请去掉密码保护后重新提交（另存为不加密的文件）。"),
    CORRUPT("文件已损坏，无法解析", "请用 Word/WPS 打开后另存为 .docx，或重新导出 PDF 后再提交。"),
    SCANNED_NO_TEXT("扫描件或图片，没有文字层", "请提交可复制文字的电子版（Word 或带文字层的 PDF），或先做 OCR 识别。"),
    MIS_ENCODED("文字编码无法识别（乱码）", "请将文本另存为 UTF-8 编码，或提交 Word 文件。"),
    UNSUPPORTED("不支持的文件格式", "请转换为 .docx、.doc、.pdf、.txt 或 .html 后再提交；压缩包请先解压。"),
    TOO_LARGE("文件超过大小上限", "请确认文件内容无误；如确需分析，可用 --max-bytes 调高上限。"),
    TIMEOUT("解析超时", "文件可能结构异常；请另存为 .docx 或 PDF 后重试，或用 --timeout 调高时限。"),
    IO_ERROR("读取文件时出错（文件可能被移动或删除）", "请确认文件仍在原处且有读取权限，然后重新运行。");

    private final String message;
    private final String hint;

    FailureKind(String message, String hint) {
        this.message = message;
        this.hint = hint;
    }

    /** @return the Chinese description of what is wrong */
    public String message() {
        return message;
    }

    /** @return the Chinese advice on what to do */
    public String hint() {
        return hint;
    }

    /**
     * @param id the stable id, or its contract-1 spelling (see {@link StableId})
     * @throws IllegalArgumentException if no constant has this id
     */
    @JsonCreator
    public static FailureKind fromId(String id) {
        return StableId.fromId(FailureKind.class, id);
    }
}
