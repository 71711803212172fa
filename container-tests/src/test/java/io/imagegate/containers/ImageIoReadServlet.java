package io.imagegate.containers;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * The neighbour web app of {@link TomcatRedeployTest}: a plain {@code ImageIO.read} of the posted
 * bytes, answering the image's size, or the error's class and message. Its class file is copied
 * into that web app's {@code WEB-INF/classes}; it never runs in the test JVM.
 */
public class ImageIoReadServlet extends HttpServlet {
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/plain;charset=utf-8");
    try {
      BufferedImage image = ImageIO.read(request.getInputStream());
      response
          .getWriter()
          .print(image == null ? "null" : image.getWidth() + "x" + image.getHeight());
    } catch (Throwable e) {
      response.setStatus(500);
      response.getWriter().print(e.getClass().getName() + ": " + e.getMessage());
    }
  }
}
